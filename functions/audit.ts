import { newId } from './ids.ts';

/**
 * The audit log of a council: one append-only record per act that changes who holds power or
 * what the Council decided (a council created, a commission formed, an election opened or
 * closed, a lot committed or drawn, a Secretary appointed, a membership ended, a decision of a
 * meeting, a signature, a correction). Written in the same transaction as the act itself, never
 * updated, never deleted, readable by the Chairperson and the administrator. A secret ballot is
 * never audited: who voted and when would link a voter to a ballot.
 */
export type AuditEntry = {
  id: string;
  councilId: string;
  /** Real time of the record (UTC), not a legal date. */
  recordedAt: string;
  /** Who: the caller's user id, or `system` for a scheduled job. */
  by: string;
  action: AuditAction;
  subject: { kind: string; id: string };
  /** The legal date of the act, when it has one. */
  on?: string;
  /** The point of the Regulation the act rests on. */
  point?: string;
  details?: Record<string, unknown>;
};

export const AUDIT_ACTIONS = [
  'council-created',
  'candidate-registered',
  'candidate-withdrawn',
  'candidate-facts-declared',
  'commission-formed',
  'election-opened',
  'election-closed',
  'lot-committed',
  'lot-revealed',
  'secretary-appointed',
  'leaving-accepted',
  'membership-terminated',
  'term-expired',
  'meeting-convened',
  'meeting-held',
  'motion-decided',
  'minutes-signed',
  'signature-voided',
  'minutes-sealed',
  'minutes-corrected',
  'staff-authorised',
  'staff-revoked',
  // The preventive mechanism's work (p14, p15.5–6, p29).
  'complaint-key-published',
  'complaint-considered',
  'complaint-resealed',
  'institution-added',
  'visit-plan-drafted',
  'visit-plan-adopted',
  'participant-selected',
  'participant-excluded',
  'participant-ended',
  'work-plan-drafted',
  'work-plan-approved',
  'reporting-form-approved',
  'visit-report-filed',
  'consent-recorded',
  'recommendation-made',
  'recommendation-sent',
  'recommendation-answered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** An audit record of an act, stamped with the real time now. */
export function auditEntry(councilId: string, by: string, action: AuditAction, subject: AuditEntry['subject'], extra: Pick<AuditEntry, 'on' | 'point' | 'details'> = {}): AuditEntry {
  return { id: newId(), councilId, recordedAt: new Date().toISOString(), by, action, subject, ...extra };
}
