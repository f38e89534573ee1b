// The register of institutions subject to preventive visits (p14.6), by region and type; the
// Chairperson, the Secretary and the Office staff add to it.
import { html, useState } from '../../lib.js';
import { call, councilPath, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Select, Submit, Table, When, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { INSTITUTION_TYPES, REGIONS, regionWords, typeWords } from './names.js';

function AddInstitution({ c, done }) {
  const form = useForm();
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [en, setEn] = useState('');
  const [type, setType] = useState(INSTITUTION_TYPES[0]);
  const [region, setRegion] = useState(REGIONS[0]);
  const [addedOn, setAddedOn] = useState(today());
  const [added, setAdded] = useState();
  const submit = form.handle(async () => {
    const errors = [];
    if (!kk.trim()) errors.push({ name: 'name.kk', text: t('err.enter', { what: t('inst.name.kk') }) });
    if (!ru.trim()) errors.push({ name: 'name.ru', text: t('err.enter', { what: t('inst.name.ru') }) });
    if (errors.length) return { errors };
    const reply = await call('POST', councilPath(c, '/institutions'), { name: { kk, ru, ...(en.trim() ? { en } : {}) }, type, region, ...(addedOn ? { addedOn } : {}) });
    if (reply.ok) {
      setAdded(reply.json);
      setKk('');
      setRu('');
      setEn('');
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('inst.add')}</h2>
    ${added ? html`<${Panel}>${t('inst.added', { name: pick(added.name) })}<//>` : null}
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="name.kk" label=${t('inst.name.kk')} value=${kk} onInput=${setKk} maxlength="300" />
    <${Field} form=${form} name="name.ru" label=${t('inst.name.ru')} value=${ru} onInput=${setRu} maxlength="300" />
    <${Field} form=${form} name="name.en" label=${t('inst.name.en')} hint=${t('inst.name.enHint')} value=${en} onInput=${setEn} maxlength="300" />
    <${Select} form=${form} name="type" label=${t('inst.type')} value=${type} onChange=${setType} options=${INSTITUTION_TYPES.map((x) => [x, typeWords(x)])} />
    <${Select} form=${form} name="region" label=${t('inst.region')} value=${region} onChange=${setRegion} options=${REGIONS.map((x) => [x, regionWords(x)])} />
    <${Field} form=${form} name="addedOn" type="date" label=${t('inst.addedOn')} value=${addedOn} onInput=${setAddedOn} />
    <${Submit} form=${form}>${t('inst.submit')}<//>
  </form>`;
}

export function Institutions({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const state = useLoad(() => get(councilPath(c, '/institutions')), [c]);
  return html`<${Page} title=${t('nav.institutions')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="institutions" />
    <${Loaded} state=${state}>${({ items }) => {
      const regions = REGIONS.filter((r) => items.some((i) => i.region === r));
      return html`${items.length ? regions.map((r) => html`<h2>${regionWords(r)}</h2>
          <${Table} head=${[t('inst.name'), t('inst.type'), t('inst.addedOn')]}
            rows=${items.filter((i) => i.region === r).sort((a, b) => a.type.localeCompare(b.type)).map((i) => [pick(i.name), typeWords(i.type), html`<${When} d=${i.addedOn} />`])} />`)
        : html`<p class="muted">${t('inst.none')}</p>`}
        ${keeper ? html`<${AddInstitution} c=${c} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}
