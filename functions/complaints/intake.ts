import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { keyInForce, noKey } from './keys.ts';
import type { Complaint } from './model.ts';
import { receiptHash, sealedHash } from './receipt.ts';
import type { ComplaintDeps } from './store.ts';

/** What the sender's browser sends: the complaint's own fields, and the receipt code it drew. */
export type ComplaintInput = Pick<Complaint, 'keyId' | 'sealed' | 'replyKey' | 'category' | 'region' | 'institutionType' | 'institutionId' | 'occurredIn'> & { receipt: string };

/**
 * p14.7: anyone may send a complaint or report of torture, with no account, anonymously;
 * everything identifying is already sealed in their browser. The receipt code is drawn there
 * too: the server keeps only its hash, so a retry with the same receipt and the same sealed text
 * is the same complaint (no Idempotency-Key record would link the sender to it), and a used
 * receipt with another text is a 409. No audit entry: the complaint is its own record, and a
 * time of sending beside it would narrow who sent it.
 */
export async function receiveComplaint(deps: ComplaintDeps, caller: Caller, councilId: string, input: ComplaintInput, today: string) {
  await authorize(deps, caller, councilId);
  const hash = receiptHash(input.receipt);
  const answer = (c: { receivedOn: string }) => ({ receipt: input.receipt, receivedOn: c.receivedOn, status: 'received' as const });
  const retried = await sameComplaint(deps, councilId, hash, input.sealed);
  if (retried) return answer(retried);

  const key = keyInForce(await deps.complaints.keys(councilId), today);
  if (!key) throw noKey();
  if (key.id !== input.keyId) throw keyNotInForce();
  if (input.institutionId && !(await deps.complaints.institutionExists(councilId, input.institutionId))) {
    throw new InvalidInputError([{ field: 'body.institutionId', code: 'institution-not-found', message: { kk: 'кеңестің тізілімінде мұндай мекеме жоқ', ru: 'такого учреждения нет в реестре совета', en: "is not an institution of the council's register" } }]);
  }
  const complaint: Complaint = {
    councilId,
    id: newId(),
    receivedOn: today,
    keyId: key.id,
    sealed: input.sealed,
    ...(input.replyKey ? { replyKey: input.replyKey } : {}),
    category: input.category,
    ...(input.region ? { region: input.region } : {}),
    ...(input.institutionType ? { institutionType: input.institutionType } : {}),
    ...(input.institutionId ? { institutionId: input.institutionId } : {}),
    ...(input.occurredIn ? { occurredIn: input.occurredIn } : {}),
    status: 'received',
  };
  if ((await deps.complaints.receive(complaint, { hash, sealedHash: sealedHash(input.sealed) })) === 'received') return answer(complaint);
  // Two sends of one receipt raced: the first won; this one is the same complaint or a 409.
  const raced = await sameComplaint(deps, councilId, hash, input.sealed);
  if (raced) return answer(raced);
  throw receiptUsed();
}

/** The complaint a receipt already names, when this is a retry of it; a 409 when the receipt is another's. */
async function sameComplaint(deps: ComplaintDeps, councilId: string, hash: string, sealed: string): Promise<Complaint | undefined> {
  const found = await deps.complaints.byReceipt(hash);
  if (!found) return undefined;
  if (found.councilId !== councilId || found.sealedHash !== sealedHash(sealed)) throw receiptUsed();
  return deps.complaints.get(councilId, found.complaintId);
}

/**
 * The status, to whoever holds the receipt (and no one else: nothing else names the complaint
 * outside the Council). The reply is sealed to the key the complainant's browser derived from
 * the receipt, so only the receipt's holder opens it.
 */
export async function statusByReceipt(deps: ComplaintDeps, receipt: string) {
  const found = await deps.complaints.byReceipt(receiptHash(receipt));
  const complaint = found && (await deps.complaints.get(found.councilId, found.complaintId));
  if (!complaint) throw new NotFoundError('complaint-not-found', { kk: 'Бұл кодпен шағым табылмады', ru: 'Жалоба с этим кодом не найдена', en: 'No complaint has this receipt code' });
  const c = complaint.consideration;
  return {
    status: complaint.status,
    receivedOn: complaint.receivedOn,
    ...(c?.status === 'considered' ? { consideredOn: c.on } : {}),
    ...(c?.decision ? { decision: c.decision } : {}),
    ...(complaint.reply ? { reply: complaint.reply } : {}),
  };
}

function receiptUsed(): ConflictError {
  return new ConflictError('receipt-used', {
    kk: 'Бұл түбіртек коды басқа шағымға берілген: жаңа код жасап, қайта жіберіңіз',
    ru: 'Этот код квитанции уже использован для другой жалобы: создайте новый код и отправьте снова',
    en: 'This receipt code is already used by another complaint: draw a new one and send again',
  }, { field: 'body.receipt' });
}

function keyNotInForce(): ConflictError {
  return new ConflictError('complaint-key-not-in-force', {
    kk: 'Шағым қазіргі кілтпен шифрланбаған: бетті жаңартып, қайта жіберіңіз',
    ru: 'Жалоба зашифрована не действующим ключом: обновите страницу и отправьте снова',
    en: 'The complaint is not sealed to the key in force: reload the page and send again',
  }, { field: 'body.keyId' });
}
