// Who I am in each council (`GET /v1/me`): my councils, the roles I hold there today, what I
// must do now; and my unread notifications. Every page reads it from MeContext.
import { createContext, useContext } from './lib.js';
import { call } from './api.js';

export const MeContext = createContext({ me: undefined, refreshMe: async () => {} });
export const useMe = () => useContext(MeContext);

export async function loadMe() {
  const reply = await call('GET', '/v1/me');
  if (!reply.ok) return { error: reply, councils: [] };
  const notes = await call('GET', '/v1/me/notifications?limit=200');
  const unread = notes.ok ? (notes.json.items ?? []).filter((n) => !n.readAt).length : 0;
  return { ...reply.json, unread };
}

/** My roles in council `c` today (admin is global). */
export function rolesIn(me, c) {
  const roles = new Set(me?.councils?.find((x) => x.id === c)?.roles ?? []);
  if (me?.admin) roles.add('admin');
  return roles;
}

/** Whether I hold any of `roles` in council `c`. */
export const holds = (me, c, ...roles) => roles.some((r) => rolesIn(me, c).has(r));
