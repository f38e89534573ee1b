import { createHash } from 'node:crypto';
import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { newId } from '../ids.ts';
import { secretaryOn, type Caller, type Held } from '../membership/access.ts';
import type { Council, Member } from '../membership/model.ts';
import { meetingFor, sittingOn, type MeetingDeps } from './deps.ts';
import { MINUTES_LABELS } from './labels.ts';
import { quorumOf } from './meetings.ts';
import type { MinutesBody, MinutesDoc } from './minutes-doc.ts';
import type { Acting, Meeting, Signature, Vote } from './model.ts';
import { CHAIRPERSON } from './model.ts';

const SIGNATORIES = ['chairperson', 'secretary'] as const;

/**
 * The minutes (p28) for a reader of the council (on the meeting's date or today). Sealed
 * minutes are the exact content both signed, as stored then: nothing recorded later (a name, an
 * appointment, a backdated termination) can alter them. Until then they are drawn up afresh.
 */
export async function readMinutes(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, today: string): Promise<MinutesDoc> {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId, [today]);
  const signed = meeting.sealedHash ? await deps.meetings.signedContent(councilId, meetingId, meeting.sealedHash) : undefined;
  const body = signed ?? (await drawUp(deps, held, meeting));
  return withSigning(deps, meeting, body);
}

async function withSigning(deps: MeetingDeps, meeting: Meeting, body: MinutesBody): Promise<MinutesDoc> {
  const contentHash = hashOf(body);
  const corrections = meeting.sealedAt ? await deps.meetings.listCorrections(meeting.councilId, meeting.id) : [];
  const line = ({ role, name, signedAt, contentHash: hash }: Signature) => ({ role, name, signedAt, contentHash: hash });
  // A signature on other content than this (a change elsewhere since) no longer counts.
  const signatures = meeting.signatures.filter((s) => s.contentHash === contentHash).map(line);
  const stale = meeting.signatures.filter((s) => s.contentHash !== contentHash).map(line);
  return {
    ...body,
    signatures,
    voidedSignatures: [...meeting.voidedSignatures.map((s) => ({ ...line(s), voidedAt: s.voidedAt })), ...stale],
    awaiting: SIGNATORIES.filter((role) => !signatures.some((s) => s.role === role)),
    sealed: Boolean(meeting.sealedAt),
    corrections: corrections.map(({ id, text, reason, on, contentHash: hash }) => ({ id, text, reason, on, contentHash: hash })),
    contentHash,
  };
}

/**
 * Draws up the minutes (p28) from what was recorded, as of the meeting's date, as a state
 * body's minutes read: the body it sits under and its name, the number, place, date and times,
 * who presided and who kept the minutes (the Secretary in office on the meeting's date, p9),
 * those present (the Chairperson first) and absent, the invited officials (p14.4) and those
 * heard (p14.5), the agenda, every vote's result with the rule's explanation, dissenting
 * opinions (p17.5), and the complaints received since the previous meeting (p14.7).
 */
async function drawUp(deps: MeetingDeps, held: Held, meeting: Meeting): Promise<MinutesBody> {
  const { council } = held.people;
  const sitting = await sittingOn(deps, held.people, meeting.date);
  const { members } = sitting;
  const secretary = secretaryOn(held.people, meeting.date);
  const name = nameOf(council, held.people.members);
  const [quorum, attendance, motions, dissents, previous] = await Promise.all([
    quorumOf(deps, meeting, sitting),
    deps.meetings.listAttendance(council.id, meeting.id),
    deps.meetings.listMotions(council.id, meeting.id),
    deps.meetings.listDissents(council.id, meeting.id),
    deps.meetings.listMeetings(council.id, '0000-01-01', meeting.date),
  ]);
  const earlier = previous.filter((m) => m.id !== meeting.id && m.date < meeting.date).map((m) => m.date).sort().at(-1);
  const complaints = await deps.complaints.receivedBetween(council.id, earlier, meeting.date);
  const votesOf = await Promise.all(motions.map((m) => deps.meetings.listVotes(council.id, meeting.id, m.id)));
  // Everyone sitting that day, the Chairperson first, then the Secretary, then the members in the council's order.
  const sittingIds = [CHAIRPERSON, ...[...members].sort((a, b) => Number(b.id === secretary?.id) - Number(a.id === secretary?.id)).map((m) => m.id)];
  const isPresent = (id: string) => attendance.some((a) => a.attendeeId === id && a.present);

  return {
    council: { id: council.id, name: council.name, parent: { kk: MINUTES_LABELS.kk.parentBody, ru: MINUTES_LABELS.ru.parentBody } },
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      date: meeting.date,
      number: meeting.number,
      ...(meeting.region ? { field: { region: meeting.region } } : {}),
      place: meeting.place,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      convenedBy: acting(meeting.convenedBy, name),
      presiding: acting(meeting.presiding, name),
      chairperson: { name: name(CHAIRPERSON) },
      ...(secretary ? { secretary: { name: secretary.name } } : {}),
    },
    agenda: meeting.agenda.map((i) => ({ id: i.id, title: i.title, submittedBy: i.submittedBy ? name(i.submittedBy) : undefined })),
    present: sittingIds.filter(isPresent).map((id) => ({ name: name(id), capacity: id === CHAIRPERSON ? 'chairperson' : id === secretary?.id ? 'secretary' : 'member' })),
    absent: sittingIds.filter((id) => !isPresent(id)).map((id) => ({ name: name(id) })),
    invited: meeting.invited,
    hearings: meeting.hearings,
    quorum: { outcome: quorum.outcome, reasons: quorum.reasons },
    motions: motions.map((m, i) => {
      const votes = votesOf[i]!;
      return {
        id: m.id,
        itemId: m.itemId,
        kind: m.kind,
        category: m.category,
        title: m.title,
        status: m.status === 'closed' ? 'closed' : 'open',
        votes: {
          for: m.result ? Number(m.result.facts.votesFor) : votes.filter((v) => v.choice === 'for').length,
          against: m.result ? Number(m.result.facts.votesAgainst) : votes.filter((v) => v.choice === 'against').length,
          abstained: m.result ? Number(m.result.facts.abstained) : votes.filter((v) => v.choice === 'abstain').length,
        },
        ...(m.result ? { result: { outcome: m.result.outcome, reasons: m.result.reasons, version: m.result.version } } : {}),
        ...enteredVotes(votes, name),
        dissents: dissents.filter((d) => d.motionId === m.id).map((d) => ({ member: name(d.memberId), text: d.text, language: d.language, ...(d.enteredBy ? { enteredBy: name(d.enteredBy) } : {}) })),
      };
    }),
    complaints,
  };
}

/**
 * p28: the Chairperson and the Secretary in office on the meeting's date sign, each over the
 * hash of the exact content they read. The first signature stores that content; when the second
 * signs the same content the minutes are sealed. If the content changed in between (a dissent, a
 * correction of attendance, a change elsewhere that the minutes show), the earlier signature is
 * voided, visibly, and asked for again: never a dead end. A signer who read an older content
 * (`contentHash`) is asked to read again.
 */
export async function signMinutes(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, input: { contentHash?: string; now: Date }) {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  if (meeting.sealedAt) throw alreadySealed();
  if (meeting.status !== 'held') {
    throw new ConflictError('meeting-not-held', { kk: 'Отырыс әлі аяқталмаған', ru: 'Заседание ещё не завершено', en: 'The meeting has not ended yet' });
  }
  const { council } = held.people;
  const secretary = secretaryOn(held.people, meeting.date);
  const sub = caller.identity?.sub;
  const role = held.isChairperson ? 'chairperson' : secretary?.sub && sub === secretary.sub ? 'secretary' : undefined;
  if (!role) {
    throw new ForbiddenError('not-a-signatory', {
      kk: 'Хаттамаға Төраға мен отырыс күнгі хатшы ғана қол қояды (28-тармақ)',
      ru: 'Протокол подписывают только Председатель и секретарь на дату заседания (п. 28)',
      en: 'Only the Chairperson and the Secretary in office on the meeting date sign the minutes (p28)',
    });
  }
  const body = await drawUp(deps, held, meeting);
  const contentHash = hashOf(body);
  if (input.contentHash && input.contentHash !== contentHash) throw readAgain();
  const valid = meeting.signatures.filter((s) => s.contentHash === contentHash);
  if (valid.some((s) => s.role === role)) {
    throw new ConflictError('already-signed', { kk: 'Сіз бұл хаттамаға қол қойдыңыз', ru: 'Вы уже подписали этот протокол', en: 'You have already signed these minutes' });
  }
  const signature: Signature = {
    role,
    sub: sub!,
    name: role === 'chairperson' ? (council.chairpersonName ?? 'Төраға / Председатель') : secretary!.name,
    signedAt: input.now.toISOString(),
    contentHash,
  };
  // Signatures on another content are voided by this one; with the other role's on this content, it seals.
  const replace = valid.length !== meeting.signatures.length;
  const seal = valid.length === 1;
  const by = sub!;
  const audit = auditEntry(councilId, by, seal ? 'minutes-sealed' : replace ? 'signature-voided' : 'minutes-signed', { kind: 'meeting', id: meeting.id }, { on: meeting.date, point: 'p28', details: { role, contentHash } });
  await deps.meetings.putSignature(meeting, { signature, content: body, replace, seal, voidedAt: input.now.toISOString() }, { audit });
  return { role, sub: signature.sub, name: signature.name, signedAt: signature.signedAt, contentHash, sealed: seal, point: 'p28' as const };
}

/**
 * After the seal, a change is a correction document that references the signed content; only
 * the council's Chairperson or Secretary adds one (the route allows no one else).
 */
export async function addCorrection(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, input: { text: { kk: string; ru: string }; reason: string; on: string }) {
  const { meeting } = await meetingFor(deps, caller, councilId, meetingId, [input.on]);
  if (!meeting.sealedAt || !meeting.sealedHash) {
    throw new ConflictError('minutes-not-signed', { kk: 'Хаттамаға әлі қол қойылмаған: оны тікелей түзетуге болады', ru: 'Протокол ещё не подписан: его можно исправить напрямую', en: 'The minutes are not signed yet: correct them directly' });
  }
  const correction = { id: newId(), contentHash: meeting.sealedHash, ...input, by: caller.identity!.sub };
  const audit = auditEntry(councilId, correction.by, 'minutes-corrected', { kind: 'meeting', id: meeting.id }, { on: input.on, point: 'p28', details: { correctionId: correction.id } });
  await deps.meetings.putCorrection(meeting, correction, { audit });
  return correction;
}

function nameOf(council: Council, members: Member[]) {
  return (id: string) => (id === CHAIRPERSON ? (council.chairpersonName ?? 'Төраға / Председатель') : (members.find((m) => m.id === id)?.name ?? id));
}

function acting(who: Acting, name: (id: string) => string): MinutesBody['meeting']['presiding'] {
  return who.capacity === 'chairperson' ? { name: name(CHAIRPERSON), capacity: 'chairperson' } : { name: name(who.memberId), capacity: 'member-on-instruction' };
}

/** Who entered which votes for others (the Secretary, for a show of hands): the minutes say so. */
function enteredVotes(votes: Vote[], name: (id: string) => string): { entered?: { by: string; voters: string[] }[] } {
  const by = new Map<string, string[]>();
  for (const v of votes) if (v.enteredBy) by.set(v.enteredBy, [...(by.get(v.enteredBy) ?? []), name(v.voterId)]);
  return by.size ? { entered: [...by].map(([who, voters]) => ({ by: name(who), voters })) } : {};
}

function readAgain(): ConflictError {
  return new ConflictError('minutes-changed', {
    kk: 'Хаттаманың мазмұны сіз оқығаннан кейін өзгерді: қайта оқып, қол қойыңыз',
    ru: 'Содержание протокола изменилось после прочтения: перечитайте и подпишите',
    en: 'The minutes changed since they were read: read them again and sign',
  });
}

function alreadySealed(): ConflictError {
  return new ConflictError('minutes-signed', {
    kk: 'Хаттамаға екі қол да қойылған (28-тармақ)',
    ru: 'Протокол уже подписан обеими сторонами (п. 28)',
    en: 'The minutes already carry both signatures (p28)',
  });
}

/** SHA-256 of canonical JSON (keys sorted): the same content always gives the same hash. */
export function hashOf(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}
