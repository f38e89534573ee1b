import { auditEntry } from '../audit.ts';
import { ConflictError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { adoptedDecision } from '../meetings/adopted.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { PreventiveDeps } from './deps.ts';
import type { Bilingual, Participant, Region } from './model.ts';

/**
 * p14.8: the Council selects the NPM participants for preventive visits: by a decision, which
 * the selection names. Each participant joins one or more regional groups from the date they
 * are selected. A participant with an account (`sub`) acts as `participant` in this council.
 */
export async function selectParticipant(
  deps: PreventiveDeps,
  caller: Caller,
  councilId: string,
  input: { name: string; sub?: string; organisation?: string; groups: Region[]; decisionId: string; selectedOn?: string; today: string },
): Promise<Participant> {
  await authorize(deps, caller, councilId, input.today);
  const decision = await adoptedDecision(deps, councilId, input.decisionId);
  const selectedOn = input.selectedOn ?? decision.at;
  const participant: Participant = {
    councilId,
    id: newId(),
    name: input.name,
    ...(input.sub ? { sub: input.sub } : {}),
    selectedOn,
    ...(input.organisation ? { organisation: input.organisation } : {}),
    selectedBy: { decisionId: decision.id, motionId: decision.motionId },
    groups: [...new Set(input.groups)].map((region) => ({ region, from: selectedOn })),
  };
  await deps.preventive.putParticipant(participant, {
    audit: auditEntry(councilId, caller.identity!.sub, 'participant-selected', { kind: 'participant', id: participant.id }, { on: selectedOn, point: 'p14.8', details: { decisionId: decision.id } }),
  });
  return participant;
}

/**
 * p14.14 (added in 2019): where the good faith of a participant's visit report is in doubt,
 * the members decide to exclude the participant from the NPM's regional groups. The decision
 * must be adopted, and p14.14 must be in force on its date: before it (its wording is not in
 * the text we hold for 2013) the exclusion is refused citing it. The membership ends on the
 * decision's date; nothing is deleted.
 */
export async function excludeParticipant(
  deps: PreventiveDeps,
  caller: Caller,
  councilId: string,
  participantId: string,
  input: { region: Region; decisionId: string; visitReportId?: string; reason: Bilingual; today: string },
): Promise<Participant> {
  await authorize(deps, caller, councilId, input.today);
  const participant = await deps.preventive.getParticipant(councilId, participantId);
  if (!participant) throw participantNotFound();
  const decision = await adoptedDecision(deps, councilId, input.decisionId);
  const wording = await deps.pointOn('p14.14', decision.at);
  if (wording !== 'known') throw p1414NotInForce(decision.at);
  const index = participant.groups.findIndex((g) => g.region === input.region && !g.to && g.from <= decision.at);
  if (index < 0) throw notInGroup();
  const excluded: Participant = {
    ...participant,
    groups: participant.groups.map((g, i) =>
      i === index ? { ...g, to: decision.at, excludedBy: { decisionId: decision.id, ...(input.visitReportId ? { visitReportId: input.visitReportId } : {}), on: decision.at, reason: input.reason } } : g,
    ),
  };
  await deps.preventive.endGroupMembership(excluded, index, {
    audit: auditEntry(councilId, caller.identity!.sub, 'participant-excluded', { kind: 'participant', id: participant.id }, {
      on: decision.at,
      point: 'p14.14',
      details: { region: input.region, decisionId: decision.id, ...(input.visitReportId ? { visitReportId: input.visitReportId } : {}) },
    }),
  });
  return excluded;
}

export async function listParticipants(deps: PreventiveDeps, caller: Caller, councilId: string, today: string): Promise<{ items: Participant[] }> {
  await authorize(deps, caller, councilId, today);
  return { items: await deps.preventive.listParticipants(councilId) };
}

const participantNotFound = () => new NotFoundError('participant-not-found', { kk: 'Мұндай қатысушы жоқ', ru: 'Такого участника нет', en: 'No such participant' });

export const notInGroup = () =>
  new ConflictError('not-in-group', {
    kk: 'Қатысушы бұл күні осы өңірлік топтың құрамында емес',
    ru: 'На эту дату участник не состоит в этой региональной группе',
    en: 'The participant is not in this regional group on that date',
  });

function p1414NotInForce(at: string): LegalRefusalError {
  const message = {
    kk: `${at} күнгі шешім қатысушыны өңірлік топтан шығара алмайды: бұл туралы мүшелердің шешімі 14-тармақтың 14) тармақшасында көзделген, ол 2019 жылғы № 5 өкіммен енгізілген, ал бұған дейінгі мәтіні бізде жоқ (14-тармақтың 14) тармақшасы).`,
    ru: `Решение от ${at} не может исключить участника из региональной группы: такое решение членов предусмотрено подп. 14) п. 14, внесённым распоряжением № 5 от 2019 года, а прежнего текста у нас нет (подп. 14) п. 14).`,
    en: `A decision of ${at} cannot exclude a participant from a regional group: the members' decision to do so is provided for by p14.14, added by Order No. 5 of 2019, and no earlier wording is in the text we hold (p14.14).`,
  };
  return new LegalRefusalError('point-not-in-force', message, [{ point: 'p14.14', code: 'point-not-in-force', message, numbers: { at } }]);
}
