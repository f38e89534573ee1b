// The public complaint page (p14.7): no account, anonymous allowed. The narrative, the name and
// the contact are sealed in this browser to the council's public key before anything is sent;
// only the plain fields that identify nobody travel in the clear. Works on a phone.
import { html, useRef, useState } from '../../lib.js';
import { call, councilPath } from '../../api.js';
import { t } from '../../i18n.js';
import { Link } from '../../router.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Select, Submit, TextArea, useForm, useLoad } from '../../ui.js';
import { newReceipt, replyKeyPair, seal } from '../../crypto.js';
import { CATEGORIES, INSTITUTION_TYPES, REGIONS, options } from './shared.js';

function Explained() {
  return html`<section class="card" aria-labelledby="complaint-what">
    <h2 id="complaint-what">${t('complaint.what.title')}</h2>
    <p>${t('complaint.what.sealed')}</p>
    <p>${t('complaint.what.clear')}</p>
    <p>${t('complaint.what.receipt')}</p>
  </section>`;
}

function SendForm({ c, keyInForce, reloadKey }) {
  const form = useForm();
  const [narrative, setNarrative] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [category, setCategory] = useState('torture');
  const [region, setRegion] = useState('');
  const [institutionType, setInstitutionType] = useState('');
  const [occurredIn, setOccurredIn] = useState('');
  const [sent, setSent] = useState();
  // A retry of the very same complaint (a lost answer) sends the same receipt and sealed text,
  // so the server recognises it; any change draws a new receipt.
  const attempt = useRef();
  const submit = form.handle(async () => {
    if (!narrative.trim()) return { errors: [{ name: 'narrative', text: t('err.enter', { what: t('complaint.narrative') }) }] };
    if (occurredIn && !/^\d{4}-(0[1-9]|1[0-2])$/.test(occurredIn)) return { errors: [{ name: 'occurredIn', text: t('complaint.occurredIn.hint') }] };
    const plain = JSON.stringify({ narrative: narrative.trim(), ...(name.trim() ? { name: name.trim() } : {}), ...(contact.trim() ? { contact: contact.trim() } : {}) });
    const fields = { category, ...(region ? { region } : {}), ...(institutionType ? { institutionType } : {}), ...(occurredIn ? { occurredIn } : {}) };
    const same = `${keyInForce.id}\n${plain}\n${JSON.stringify(fields)}`;
    if (attempt.current?.same !== same) {
      const receipt = newReceipt();
      attempt.current = { same, receipt, sealed: await seal(plain, keyInForce.publicKey), replyKey: (await replyKeyPair(receipt)).publicKey };
    }
    const { receipt, sealed, replyKey } = attempt.current;
    const reply = await call('POST', councilPath(c, '/complaints'), { keyId: keyInForce.id, sealed, receipt, replyKey, ...fields }, { keyed: false });
    if (reply.ok) {
      setSent(reply.json.receipt);
      attempt.current = undefined;
    } else if (reply.status === 409 && reply.json?.error?.field === 'body.keyId') {
      attempt.current = undefined;
      reloadKey();
      return { errors: [{ text: t('complaint.keyChanged') }] };
    }
    return reply;
  });
  if (sent)
    return html`<${Panel}>
      <p>${t('complaint.sent')}</p>
      <p class="receipt"><code data-receipt=${sent}>${sent}</code></p>
      <p>${t('complaint.keep')}</p>
      <p><${Link} href="/complaint-status">${t('complaint.checkStatus')}<//></p>
    <//>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <${ErrorSummary} form=${form} />
    <${TextArea} form=${form} name="narrative" label=${t('complaint.narrative')} hint=${t('complaint.narrative.hint')} value=${narrative} onInput=${setNarrative} rows=${8} maxlength="20000" />
    <${Field} form=${form} name="name" label=${t('complaint.name')} value=${name} onInput=${setName} autocomplete="off" maxlength="300" />
    <${Field} form=${form} name="contact" label=${t('complaint.contact')} hint=${t('complaint.contact.hint')} value=${contact} onInput=${setContact} autocomplete="off" maxlength="300" />
    <${Select} form=${form} name="category" label=${t('complaint.category')} value=${category} onChange=${setCategory} options=${options(CATEGORIES, 'complaint.category')} />
    <${Select} form=${form} name="region" label=${t('complaint.region')} value=${region} onChange=${setRegion} options=${options(REGIONS, 'region', true)} />
    <${Select} form=${form} name="institutionType" label=${t('complaint.institutionType')} value=${institutionType} onChange=${setInstitutionType} options=${options(INSTITUTION_TYPES, 'institutionType', true)} />
    <${Field} form=${form} name="occurredIn" type="month" label=${t('complaint.occurredIn')} hint=${t('complaint.occurredIn.hint')} value=${occurredIn} onInput=${setOccurredIn} placeholder="2020-05" />
    <${Submit} form=${form}>${t('complaint.submit')}<//>
  </form>`;
}

export function SendComplaint({ c }) {
  const state = useLoad(async () => {
    const reply = await call('GET', councilPath(c, '/complaint-keys/current'));
    if (reply.status === 404) return { none: true };
    if (!reply.ok) throw reply;
    return { key: reply.json };
  }, [c]);
  return html`<${Page} title=${t('complaint.title')}>
    <p>${t('complaint.intro')}</p>
    <${Explained} />
    <${Loaded} state=${state}>${({ key, none }) =>
      none ? html`<div class="panel warn" role="status"><p>${t('complaint.notOnline')}</p></div>` : html`<${SendForm} c=${c} keyInForce=${key} reloadKey=${() => state.reload(true)} />`}<//>
  <//>`;
}
