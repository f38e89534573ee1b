import { COUNCIL_ROLES } from '../http/roles.ts';
import { routes, type Route } from './routes.ts';

const WHO = ['public', 'admin', ...COUNCIL_ROLES] as const;

/**
 * The role matrix as a Markdown table, from the route table (the one source): a route, and for
 * each role whether it may call it. Council roles hold only in the path's own council, on the
 * date, from its records; `admin` (the platform administrator) is the only global role. The
 * README shows this very table (a test keeps the two equal).
 *
 * @example
 * roleMatrix().split('\n')[0]; // '| route | public | admin | chairperson | secretary | member | voter |'
 */
export function roleMatrix(): string {
  const head = `| route | ${WHO.join(' | ')} |`;
  const rule = `| --- |${WHO.map(() => ' :-: |').join('')}`;
  const rows = (routes as readonly Route[]).map((route) => {
    const cells = WHO.map((who) => (route.access === 'public' ? (who === 'public' ? 'yes' : '') : (route.access as readonly string[]).includes(who) ? 'yes' : ''));
    return `| \`${route.method} ${route.path}\` | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}
