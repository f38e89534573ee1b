/**
 * Roles a caller can hold: Cognito groups on AWS, the `roles` of a dev token locally.
 * Names follow the glossary (REGULATION.md): the Chairperson is the Commissioner (p15.1).
 */
export const ROLES = ['chair', 'secretary', 'member', 'commission', 'admin', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** Claim that carries the roles; API Gateway hands it to the handler as a string. */
export const ROLES_CLAIM = 'cognito:groups';
