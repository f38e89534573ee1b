// The sections of a council a person may open, by the roles they hold there today.
import { html } from '../lib.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { rolesIn, useMe } from '../me.js';
import * as complaints from './complaints/index.js';
import * as preventive from './preventive/index.js';
import * as reports from './reports/index.js';

const SECTIONS = [
  ['', 'nav.council', ['admin', 'chairperson', 'secretary', 'member', 'voter']],
  ['meetings', 'nav.meetings', ['admin', 'chairperson', 'secretary', 'member']],
  ['elections', 'nav.elections', ['admin', 'chairperson', 'secretary', 'member', 'voter']],
  ['candidates', 'nav.candidates', ['admin', 'chairperson', 'secretary', 'voter']],
  ['lot', 'nav.lot', ['admin', 'chairperson', 'secretary', 'member', 'voter']],
  ['demands', 'nav.demands', ['admin', 'chairperson', 'secretary', 'member']],
  ['notices', 'nav.notices', ['admin', 'chairperson', 'secretary']],
  ['leaving', 'nav.leaving', ['admin', 'chairperson', 'member']],
  ['audit', 'nav.audit', ['admin', 'chairperson']],
  ...complaints.SECTIONS,
  ...preventive.SECTIONS,
  ...reports.SECTIONS,
];

/** The council's name (from my councils) for captions. */
export function useCouncilName(c) {
  const { me } = useMe();
  const found = me?.councils?.find((x) => x.id === c);
  return found ? pick(found.name) : '';
}

export function CouncilNav({ c, current }) {
  const { me } = useMe();
  const roles = rolesIn(me, c);
  const shown = SECTIONS.filter(([, , allowed]) => allowed.some((r) => roles.has(r)));
  if (!shown.length) return null;
  return html`<nav class="council-nav" aria-label=${t('nav.councilSections')}>
    <ul>${shown.map(([section, key]) => {
      const href = section ? `${to('councils', c)}/${section}` : to('councils', c);
      return html`<li><${Link} href=${href} aria-current=${current === section ? 'page' : undefined}>${t(key)}<//></li>`;
    })}</ul>
  </nav>`;
}

/** The roles a person holds, in words. */
export const RoleWords = ({ roles }) => [...roles].map((r) => t(`role.${r}`)).join(', ');
