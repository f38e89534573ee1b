// The council's keys for complaints (p15.6, p29): the key pair is made in this browser, the
// private key downloaded as a file (never sent), the public key published. Rotation as the page
// says: new complaints go to the newest key; old ones are re-sealed at the desk.
import { html, useEffect, useState } from '../../lib.js';
import { call, councilPath } from '../../api.js';
import { t } from '../../i18n.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Submit, Table, When, today, useForm, useLoad } from '../../ui.js';
import { fingerprint, newKeyPair } from '../../crypto.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';

function NewKey({ c, done }) {
  const form = useForm();
  const [pair, setPair] = useState();
  const [print, setPrint] = useState('');
  const [href, setHref] = useState();
  const [downloaded, setDownloaded] = useState(false);
  const [on, setOn] = useState(today());
  const [published, setPublished] = useState();
  useEffect(() => () => href && URL.revokeObjectURL(href), [href]);
  const generate = async () => {
    const made = await newKeyPair();
    const shown = await fingerprint(made.publicKey);
    const file = JSON.stringify({ kind: 'kenes-complaint-key', councilId: c, publicKey: made.publicKey, privateKey: made.privateKey, fingerprint: shown, madeAt: new Date().toISOString() }, null, 2);
    setPair(made);
    setPrint(shown);
    setDownloaded(false);
    setHref(URL.createObjectURL(new Blob([file], { type: 'application/json' })));
  };
  const publish = form.handle(async () => {
    const reply = await call('POST', councilPath(c, '/complaint-keys'), { publicKey: pair.publicKey, on });
    if (reply.ok) {
      setPublished(reply.json);
      setPair(undefined);
      done();
    }
    return reply;
  });
  if (published) return html`<${Panel}><p>${t('complaint.keys.published')}</p><p>${t('complaint.keys.fingerprint')}: <code>${published.fingerprint}</code></p><//>`;
  if (!pair) return html`<p><button type="button" onClick=${generate}>${t('complaint.keys.generate')}</button></p>`;
  return html`<form onSubmit=${publish} novalidate class="card">
    <${ErrorSummary} form=${form} />
    <p>${t('complaint.keys.fingerprint')}: <code data-fingerprint>${print}</code></p>
    <p class="hint">${t('complaint.keys.downloadFirst')}</p>
    <p><a class="button secondary" href=${href} download=${`kenes-complaint-key-${c}.json`} onClick=${() => setDownloaded(true)}>${t('complaint.keys.download')}</a></p>
    <${Field} form=${form} name="on" type="date" label=${t('complaint.keys.on')} value=${on} onInput=${setOn} />
    <${Submit} form=${form} disabled=${!downloaded || form.busy}>${t('complaint.keys.publish')}<//>
  </form>`;
}

export function ComplaintKeys({ c }) {
  const state = useLoad(async () => {
    const reply = await call('GET', councilPath(c, '/complaint-keys'));
    if (!reply.ok) throw reply;
    return reply.json.items;
  }, [c]);
  return html`<${Page} title=${t('complaint.keys.title')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="complaint-keys" />
    <p>${t('complaint.keys.intro')}</p>
    <p>${t('complaint.keys.rotation')}</p>
    <${Loaded} state=${state}>${(keys) =>
      keys.length
        ? html`<${Table} head=${[t('complaint.keys.fingerprint'), t('complaint.keys.activeFrom'), t('complaint.keys.retiredOn')]}
            rows=${keys.map((k) => [html`<code>${k.fingerprint}</code>`, html`<${When} d=${k.activeFrom} />`, k.retiredOn ? html`<${When} d=${k.retiredOn} />` : t('complaint.keys.current')])} />`
        : html`<p class="muted">${t('complaint.keys.none')}</p>`}<//>
    <${NewKey} c=${c} done=${() => state.reload(true)} />
  <//>`;
}
