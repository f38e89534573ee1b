import { createHash } from 'node:crypto';
import { ConflictError, ForbiddenError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { councilOrFail, newId } from '../membership/deps.ts';
import type { Council, Member } from '../membership/model.ts';
import { meetingOrFail, sittingOn, type MeetingDeps } from './deps.ts';
import { quorumOf } from './meetings.ts';
import type { MinutesDoc } from './minutes-doc.ts';
import type { Acting } from './model.ts';
import { CHAIRPERSON } from './model.ts';

/**
 * Draws up the minutes (p28) from what was recorded: the agenda, those present, every vote's
 * result with the rule's explanation, the recommendations and proposals adopted, dissenting
 * opinions (p17.5), and the complaints received since the previous meeting (p14.7).
 */
export async function minutesOf(deps: MeetingDeps, councilId: string, meetingId: string): Promise<MinutesDoc> {
  const council = await councilOrFail(deps, councilId);
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  const sitting = await sittingOn(deps, council, meeting.date);
  const { members } = sitting;
  const name = nameOf(council, members);
  const quorum = await quorumOf(deps, meeting, [], sitting);
  const [motions, recusals, dissents, signatures, previous] = await Promise.all([
    deps.meetings.listMotions(councilId, meetingId),
    deps.meetings.listRecusals(councilId, meetingId),
    deps.meetings.listDissents(councilId, meetingId),
    deps.meetings.listSignatures(councilId, meetingId),
    deps.meetings.listMeetings(councilId, '0000-01-01', meeting.date),
  ]);
  const earlier = previous.filter((m) => m.id !== meeting.id && m.date < meeting.date).map((m) => m.date).sort().at(-1);
  const complaints = await deps.complaints.receivedBetween(councilId, earlier, meeting.date);
  const votesOf = await Promise.all(motions.map((m) => deps.meetings.listVotes(councilId, meetingId, m.id)));

  const body: Omit<MinutesDoc, 'signatures' | 'contentHash'> = {
    council: { id: council.id, name: council.name },
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      date: meeting.date,
      ...(meeting.region ? { field: { region: meeting.region, place: meeting.place } } : {}),
      place: meeting.place,
      convenedBy: acting(meeting.convenedBy, name),
      presiding: acting(meeting.presiding, name),
    },
    agenda: meeting.agenda.map((i) => ({ id: i.id, title: i.title, submittedBy: i.submittedBy ? name(i.submittedBy) : undefined })),
    present: quorum.present.map((id) => ({ name: name(id), capacity: id === CHAIRPERSON ? 'chairperson' : id === council.secretaryMemberId ? 'secretary' : 'member' })),
    absent: [CHAIRPERSON, ...members.map((m) => m.id)].filter((id) => !quorum.present.includes(id)).map((id) => ({ name: name(id) })),
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
        status: m.status,
        votes: {
          for: m.result ? Number(m.result.facts.votesFor) : votes.filter((v) => v.choice === 'for').length,
          against: m.result ? Number(m.result.facts.votesAgainst) : votes.filter((v) => v.choice === 'against').length,
          abstained: m.result ? Number(m.result.facts.abstained) : votes.filter((v) => v.choice === 'abstain').length,
        },
        recused: recusals.filter((r) => r.itemId === m.itemId).map((r) => name(r.memberId)),
        ...(m.result ? { result: { outcome: m.result.outcome, reasons: m.result.reasons, version: m.result.version } } : {}),
        dissents: dissents.filter((d) => d.motionId === m.id).map((d) => ({ member: name(d.memberId), text: d.text, language: d.language })),
      };
    }),
    complaints,
  };
  return {
    ...body,
    signatures: signatures.map(({ role, name: signer, signedAt, contentHash }) => ({ role, name: signer, signedAt, contentHash })),
    contentHash: hashOf(body),
  };
}

/**
 * p28: the Chairperson and the Secretary sign. Each signature records the signer, the time and
 * the hash of the exact content signed; with both, the meeting is sealed. A signer who read a
 * different content (`contentHash`) is refused, and so is a second signature on changed content.
 */
export async function signMinutes(deps: MeetingDeps, identity: Identity | undefined, councilId: string, meetingId: string, input: { contentHash?: string; now: Date }) {
  const council = await councilOrFail(deps, councilId);
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  if (meeting.status !== 'held') {
    throw new ConflictError('meeting-not-held', { kk: 'Отырыс әлі аяқталмаған', ru: 'Заседание ещё не завершено', en: 'The meeting has not ended yet' });
  }
  const members = await deps.store.listMembers(councilId);
  const secretary = members.find((m) => m.id === council.secretaryMemberId);
  const role = identity?.sub === council.chairpersonSub && identity.roles.includes('chair') ? 'chairperson' : secretary?.sub && identity?.sub === secretary.sub ? 'secretary' : undefined;
  if (!role) {
    throw new ForbiddenError('not-a-signatory', {
      kk: 'Хаттамаға Төраға мен хатшы ғана қол қояды (28-тармақ)',
      ru: 'Протокол подписывают только Председатель и секретарь (п. 28)',
      en: 'Only the Chairperson and the Secretary sign the minutes (p28)',
    });
  }
  const minutes = await minutesOf(deps, councilId, meetingId);
  const changed = (input.contentHash && input.contentHash !== minutes.contentHash) || minutes.signatures.some((s) => s.contentHash !== minutes.contentHash);
  if (changed) {
    throw new ConflictError('minutes-changed', {
      kk: 'Хаттаманың мазмұны сіз оқығаннан кейін өзгерді: қайта оқып, қол қойыңыз',
      ru: 'Содержание протокола изменилось после прочтения: перечитайте и подпишите',
      en: 'The minutes changed since they were read: read them again and sign',
    });
  }
  const signature = {
    role,
    sub: identity!.sub,
    name: role === 'chairperson' ? (council.chairpersonName ?? 'Chairperson') : secretary!.name,
    signedAt: input.now.toISOString(),
    contentHash: minutes.contentHash,
  } as const;
  const final = minutes.signatures.length === 1 && minutes.signatures[0]!.role !== role;
  await deps.meetings.putSignature(meeting, signature, final);
  return { ...signature, sealed: final, point: 'p28' };
}

/** After signing, a change is a correction document that references the signed content. */
export async function addCorrection(deps: MeetingDeps, identity: Identity | undefined, councilId: string, meetingId: string, input: { text: { kk: string; ru: string }; reason: string; on: string }) {
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  if (!meeting.signedAt) {
    throw new ConflictError('minutes-not-signed', { kk: 'Хаттамаға әлі қол қойылмаған: оны тікелей түзетуге болады', ru: 'Протокол ещё не подписан: его можно исправить напрямую', en: 'The minutes are not signed yet: correct them directly' });
  }
  const signatures = await deps.meetings.listSignatures(councilId, meetingId);
  const correction = { id: newId(), contentHash: signatures[0]!.contentHash, ...input, by: identity!.sub };
  await deps.meetings.putCorrection(meeting, correction);
  return correction;
}

function nameOf(council: Council, members: Member[]) {
  return (id: string) => (id === CHAIRPERSON ? (council.chairpersonName ?? 'Төраға / Председатель') : (members.find((m) => m.id === id)?.name ?? id));
}

function acting(who: Acting, name: (id: string) => string): MinutesDoc['meeting']['presiding'] {
  return who.capacity === 'chairperson' ? { name: name(CHAIRPERSON), capacity: 'chairperson' } : { name: name(who.memberId), capacity: 'member-on-instruction' };
}

/** SHA-256 of canonical JSON (keys sorted): the same content always gives the same hash. */
export function hashOf(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}
