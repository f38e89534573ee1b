import type { MembershipDeps } from '../membership/deps.ts';
import type { PreventiveStore } from './store.ts';

/**
 * A point's wording in the law in force on a date, as the law knows it: `known` (a wording is
 * recorded), `unknown` (the text we hold does not give it), `absent` (no such point then) or
 * `deleted`. Refuses (422) when no version of the act is in force on the date.
 */
export type PointPort = (point: string, at: string) => Promise<'known' | 'unknown' | 'absent' | 'deleted'>;

/** What the preventive mechanism's domain needs: the council's people and the law, its registers, the law's points. */
export type PreventiveDeps = MembershipDeps & { preventive: PreventiveStore; pointOn: PointPort };
