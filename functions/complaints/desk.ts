import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { accessEntry, REASON_REQUIRED } from '../privacy/access-log.ts';
import { keyInForce } from './keys.ts';
import { summaryOf, type Bilingual, type Complaint, type Decision } from './model.ts';
import type { ComplaintDeps } from './store.ts';

/**
 * The complaints desk of the Chairperson and the Office staff the Chairperson authorised
 * (p15.6). Not the platform administrator: least privilege (p29).
 */
export async function listComplaints(deps: ComplaintDeps, caller: Caller, councilId: string, today: string, page: { limit: number; cursor?: string }) {
  await authorize(deps, caller, councilId, today);
  const found = await deps.complaints.list(councilId, page);
  return { items: found.items.map(summaryOf), ...(found.next ? { next: found.next } : {}) };
}

/**
 * p29: a complaint is private-life data. Its read is recorded first, with the reader's reason,
 * and only then is the sealed text returned (the browser opens it with the private key).
 */
export async function readComplaint(deps: ComplaintDeps, caller: Caller, councilId: string, complaintId: string, reason: string | undefined, today: string) {
  await authorize(deps, caller, councilId, today);
  if (!reason?.trim()) throw new InvalidInputError([{ field: 'query.reason', code: 'reason-required', message: REASON_REQUIRED }]);
  const complaint = await complaintOrFail(deps, councilId, complaintId);
  await deps.accessLog.record(accessEntry(councilId, caller.identity!.sub, { kind: 'complaint', id: complaintId }, reason.trim()));
  return complaint;
}

/**
 * p15.6: the Chairperson accepts a complaint for consideration, then records it considered with
 * a decision. The summary is what p14.7 enters into the minutes: the Chairperson writes it with
 * no private data (p29). The reply comes sealed from the browser to the complainant's reply key.
 */
export async function considerComplaint(
  deps: ComplaintDeps,
  caller: Caller,
  councilId: string,
  complaintId: string,
  input: { status: 'accepted' | 'considered'; decision?: Decision; summary: Bilingual; reply?: { sealed: string }; on: string },
): Promise<Complaint> {
  const held = await authorize(deps, caller, councilId, input.on);
  if (!held.isChairperson) {
    throw new ForbiddenError('chairperson-considers', {
      kk: 'Шағымды тек Төраға қарауға қабылдайды және қарайды (15-тармақтың 6-тармақшасы)',
      ru: 'Принимает жалобу к рассмотрению и рассматривает её только Председатель (подп. 6 п. 15)',
      en: 'Only the Chairperson accepts a complaint for consideration and considers it (p15.6)',
    });
  }
  const complaint = await complaintOrFail(deps, councilId, complaintId);
  if (input.status === 'considered' && !input.decision) {
    throw new InvalidInputError([{ field: 'body.decision', code: 'decision-required', message: { kk: 'қаралған шағым бойынша шешімді көрсетіңіз', ru: 'укажите решение по рассмотренной жалобе', en: 'give the decision on a considered complaint' } }]);
  }
  if (input.reply && !complaint.replyKey) {
    throw new InvalidInputError([{ field: 'body.reply', code: 'no-reply-key', message: { kk: 'шағым иесі жауап алу кілтін жібермеген', ru: 'заявитель не оставил ключа для ответа', en: 'the complainant left no key for a reply' } }]);
  }
  if (complaint.status === 'considered' || (input.status === 'accepted' && complaint.status === 'accepted')) {
    throw new ConflictError('complaint-already-' + complaint.status, {
      kk: complaint.status === 'considered' ? 'Шағым қаралып қойған' : 'Шағым қарауға қабылданып қойған',
      ru: complaint.status === 'considered' ? 'Жалоба уже рассмотрена' : 'Жалоба уже принята к рассмотрению',
      en: complaint.status === 'considered' ? 'The complaint has already been considered' : 'The complaint has already been accepted for consideration',
    });
  }
  const by = caller.identity!.sub;
  const next: Complaint = {
    ...complaint,
    status: input.status,
    consideration: { status: input.status, ...(input.decision && input.status === 'considered' ? { decision: input.decision } : {}), summary: input.summary, on: input.on, by },
    ...(input.reply ? { reply: input.reply } : {}),
  };
  await deps.complaints.update(next, { status: complaint.status, keyId: complaint.keyId }, auditEntry(councilId, by, 'complaint-considered', { kind: 'complaint', id: complaintId }, { on: input.on, point: 'p15.6', details: { status: input.status, ...(input.decision ? { decision: input.decision } : {}) } }));
  return next;
}

/**
 * Re-sealing (key rotation): the desk opened the complaint in the browser with the old private
 * key and sealed it to the key in force; the server swaps the ciphertext, nothing more.
 */
export async function resealComplaint(deps: ComplaintDeps, caller: Caller, councilId: string, complaintId: string, input: { keyId: string; sealed: string }, today: string): Promise<Complaint> {
  await authorize(deps, caller, councilId, today);
  const complaint = await complaintOrFail(deps, councilId, complaintId);
  const key = keyInForce(await deps.complaints.keys(councilId), today);
  if (!key || key.id !== input.keyId) {
    throw new ConflictError('complaint-key-not-in-force', { kk: 'Бұл кілт қазір қолданылмайды: қазіргі кілтпен шифрлаңыз', ru: 'Этот ключ сейчас не действует: зашифруйте действующим ключом', en: 'That key is not the key in force: seal to the key in force' }, { field: 'body.keyId' });
  }
  const next: Complaint = { ...complaint, keyId: input.keyId, sealed: input.sealed };
  const by = caller.identity!.sub;
  await deps.complaints.update(next, { status: complaint.status, keyId: complaint.keyId }, auditEntry(councilId, by, 'complaint-resealed', { kind: 'complaint', id: complaintId }, { on: today, point: 'p29', details: { from: complaint.keyId, to: input.keyId } }));
  return next;
}

async function complaintOrFail(deps: ComplaintDeps, councilId: string, id: string): Promise<Complaint> {
  const found = await deps.complaints.get(councilId, id);
  if (!found) throw new NotFoundError('complaint-not-found', { kk: 'Шағым табылмады', ru: 'Жалоба не найдена', en: 'Complaint not found' });
  return found;
}
