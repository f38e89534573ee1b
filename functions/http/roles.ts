/**
 * Who may call a route. Only the platform administrator is a global role (a Cognito group,
 * the `roles` of a dev token locally). Every other role is held **in one council, on a date**,
 * and comes from that council's own records (functions/membership/access.ts): its Chairperson
 * (the Commissioner, p15.1), its Secretary in office (p9), its members in office, the voters
 * of its election commission (p8), the Commissioner's Office staff the Chairperson authorised for
 * the preventive mechanism's work (p31, p15.6), and the NPM participants selected for visits
 * (p14.8). Names follow the glossary (REGULATION.md).
 */
export const ROLES = ['admin'] as const;
export type Role = (typeof ROLES)[number];

export const COUNCIL_ROLES = ['chairperson', 'secretary', 'member', 'voter', 'staff', 'participant'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/**
 * What a route allows: anyone (`public`); any signed-in person, whatever roles they hold or
 * none (`signed-in`: the person's own routes outside any council, `/v1/me…`, each answering
 * for the caller alone); or any one of these roles (council roles in the path's council).
 */
export type Access = 'public' | 'signed-in' | readonly (Role | CouncilRole)[];

/** Claim that carries the global roles; API Gateway hands it to the handler as a string. */
export const ROLES_CLAIM = 'cognito:groups';
