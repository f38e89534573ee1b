// Sign-in. Locally: choose who you are by name and role among the people of the councils in the
// table (GET /v1/local/people); on AWS: Cognito's managed login (authorization code + PKCE).
import { html, useState } from '../lib.js';
import { call } from '../api.js';
import { authMode, signInLocally, signInWithCognito } from '../auth.js';
import { pick, t } from '../i18n.js';
import { navigate } from '../router.js';
import { ErrorSummary, Loaded, Page, Radios, Submit, useForm, useLoad } from '../ui.js';
import { RoleWords } from './council-nav.js';

function Cognito() {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return html`<${Page} title=${t('signin.title')}>
    <p>${t('signin.cognitoIntro')}</p>
    <button type="button" onClick=${() => signInWithCognito(next)}>${t('signin.submit')}</button>
  <//>`;
}

function Local() {
  const people = useLoad(async () => {
    const reply = await call('GET', '/v1/local/people');
    if (!reply.ok) throw reply;
    return reply.json.people;
  });
  const form = useForm();
  const [chosen, setChosen] = useState('');
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  const submit = form.handle(async () => {
    const person = people.data.find((p) => p.sub === chosen);
    if (!person) return { errors: [{ name: 'person', text: t('signin.choose') }] };
    const reply = await signInLocally(person);
    if (reply.ok) navigate(next);
    return reply;
  });
  const describe = (p) => {
    if (p.admin) return t('role.admin');
    return p.councils.map((c) => `${pick(c.name)}: ${RoleWords({ roles: c.roles })}`).join('; ');
  };
  return html`<${Page} title=${t('signin.title')}>
    <p>${t('signin.localIntro')}</p>
    <${Loaded} state=${people}>${(list) => html`<form onSubmit=${submit} novalidate>
      <${ErrorSummary} form=${form} />
      <${Radios} form=${form} name="person" legend=${t('signin.who')} big value=${chosen} onChange=${setChosen}
        options=${list.map((p) => [p.sub, p.name && p.name !== p.sub ? p.name : html`<span class="account" translate="no">${p.sub}</span>`, describe(p)])} />
      <${Submit} form=${form}>${t('signin.submit')}<//>
    </form>`}<//>
  <//>`;
}

export const SignIn = () => (authMode() === 'cognito' ? html`<${Cognito} />` : html`<${Local} />`);
