import { COUNCIL_ROLES } from '../http/roles.ts';
import { routes, type Route } from './routes.ts';

const WHO = ['public', 'admin', ...COUNCIL_ROLES] as const;

/** Whether `who` may call the route: a `signed-in` route is open to every signed-in person, whatever their roles. */
function allows(route: Route, who: (typeof WHO)[number]): boolean {
  if (route.access === 'public') return who === 'public';
  if (route.access === 'signed-in') return who !== 'public';
  return (route.access as readonly string[]).includes(who);
}

/**
 * The role matrix as a Markdown table, from the route table (the one source): a route, and for
 * each role whether it may call it. Council roles hold only in the path's own council, on the
 * date, from its records; `admin` (the platform administrator) is the only global role. The
 * person's own routes (`signed-in`) are marked `any`: every signed-in person, with a role or
 * none, each answering for the caller alone. The README shows this very table (a test keeps the
 * two equal).
 *
 * @example
 * roleMatrix().split('\n')[0]; // '| route | public | admin | chairperson | secretary | member | voter |'
 */
export function roleMatrix(): string {
  const head = `| route | ${WHO.join(' | ')} |`;
  const rule = `| --- |${WHO.map(() => ' :-: |').join('')}`;
  const rows = (routes as readonly Route[]).map((route) => {
    const yes = route.access === 'signed-in' ? 'any' : 'yes';
    const cells = WHO.map((who) => (allows(route, who) ? yes : ''));
    return `| \`${route.method} ${route.path}\` | ${cells.join(' | ')} |`;
  });
  const note = '`any`: every signed-in person, whether they hold a role or none; such a route answers for the caller alone.';
  return [head, rule, ...rows, '', note].join('\n');
}
