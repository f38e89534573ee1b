// The reporting form for visit reports (p14.9): its versions with their approval dates, and a
// new version approved by a Council decision (the JSON Schema pasted, with the decision's id).
import { html, useState } from '../../lib.js';
import { call, councilPath, get } from '../../api.js';
import { t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Point, Submit, Table, TextArea, When, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { DecisionPicker } from '../decision-picker.js';

function Approve({ c, done }) {
  const form = useForm();
  const [text, setText] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [approved, setApproved] = useState();
  const submit = form.handle(async () => {
    let schema;
    try {
      schema = JSON.parse(text);
    } catch {
      return { errors: [{ name: 'schema', text: t('form.notJson') }] };
    }
    if (!decisionId.trim()) return { errors: [{ name: 'decisionId', text: t('err.enter', { what: t('form.decisionId') }) }] };
    const reply = await call('POST', councilPath(c, '/reporting-forms'), { schema, decisionId: decisionId.trim() });
    if (reply.ok) {
      setApproved(reply.json);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('form.approve')}</h2>
    ${approved ? html`<${Panel}>${t('form.approved', { version: approved.version })} <${When} d=${approved.approvedOn} /><//>` : null}
    <${ErrorSummary} form=${form} />
    <${TextArea} form=${form} name="schema" label=${t('form.schema')} hint=${t('form.schemaHint')} value=${text} onInput=${setText} rows="14" maxlength="65536" spellcheck="false" />
    <${DecisionPicker} c=${c} form=${form} name="decisionId" label=${t('form.decisionId')} value=${decisionId} onChange=${setDecisionId} />
    <${Submit} form=${form}>${t('form.submit')}<//>
  </form>`;
}

export function ReportingForms({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const state = useLoad(() => get(councilPath(c, '/reporting-forms')), [c]);
  return html`<${Page} title=${t('nav.reportingForms')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="reporting-forms" />
    <p class="hint">${t('form.intro')} <${Point} p="p14.9" /></p>
    <${Loaded} state=${state}>${({ items }) => html`
      ${items.length
        ? html`<${Table} caption=${t('form.versions')} head=${[t('form.version'), t('form.approvedOn'), t('form.fields')]}
            rows=${items.map((f) => [String(f.version), html`<${When} d=${f.approvedOn} />`, String(Object.keys(f.schema.properties ?? {}).length)])} />`
        : html`<p class="muted">${t('form.none')}</p>`}
      ${keeper ? html`<${Approve} c=${c} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
