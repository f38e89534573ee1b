import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { adoptDecision, outsider, seatCouncil, type Seated } from '../scenarios/council.ts';
import { startLocal } from './local.ts';

/**
 * The preventive mechanism's registers through HTTP against DynamoDB Local: institutions, a
 * visit plan within budget adopted by a real decision and one over budget refused by the law
 * (p14.6), participants selected (p14.8) and excluded from a regional group by a decision
 * (p14.14), the work plan approved by the Chairperson (p15.5), and who may read them.
 */
describe('institutions, visit plans, participants and the work plan through HTTP', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let seated: Seated;
  let other: Seated;
  let C: string;
  const institutions: string[] = [];
  let planDecision: string;
  let participantDecision: string;
  let exclusionDecision: string;
  let failedDecision: string;
  let participantId: string;
  const participantSub = 'prev-participant';
  const bi = (kk: string, ru: string) => ({ kk, ru });

  beforeAll(async () => {
    local = await startLocal();
    setToday('2020-03-01');
    [seated, other] = await Promise.all([seatCouncil(local, 'prev-x'), seatCouncil(local, 'prev-y')]);
    C = `/v1/councils/${seated.councilId}`;
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  it('adds institutions to the register, by type and region', async () => {
    for (const body of [
      { name: { kk: '№ 12 түзеу колониясы', ru: 'Исправительная колония № 12', en: 'Correctional colony No. 12' }, type: 'penal', region: 'almaty-region' },
      { name: bi('Уақытша ұстау изоляторы', 'Изолятор временного содержания'), type: 'temporary-isolation', region: 'astana', addedOn: '2020-03-01' },
    ]) {
      const added = await local.call('POST', `${C}/institutions`, { as: seated.people.staff, body });
      expect(added.status, added.text).toBe(201);
      expect(added.json.addedOn).toBe('2020-03-01');
      institutions.push(added.json.id);
    }
    const listed = await local.call('GET', `${C}/institutions`, { as: seated.people.member });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((i: { id: string }) => i.id).sort()).toEqual([...institutions].sort());
    expect(listed.json.items.find((i: { type: string }) => i.type === 'temporary-isolation').name.en).toBe('Изолятор временного содержания');
  });

  it('takes the decisions the acts rest on at a meeting (p24, p25)', async () => {
    setToday('2020-04-01');
    planDecision = (await adoptDecision(local, seated, '2020-04-01')).decisionId;
    setToday('2020-04-02');
    participantDecision = (await adoptDecision(local, seated, '2020-04-02')).decisionId;
    setToday('2020-05-05');
    exclusionDecision = (await adoptDecision(local, seated, '2020-05-05')).decisionId;
    // A motion voted down: its decision record exists, but it adopted nothing.
    setToday('2020-05-06');
    const chair = seated.people.chairperson;
    const M = `${C}/meetings`;
    const convened = await local.call('POST', M, { as: chair, body: { kind: 'regular', date: '2020-05-06', agenda: [{ title: bi('Шешім', 'Решение') }] } });
    for (const id of ['chairperson', ...seated.memberIds]) await local.call('PUT', `${M}/${convened.json.id}/attendance/${id}`, { as: chair, body: { present: true } });
    const put = await local.call('POST', `${M}/${convened.json.id}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', title: bi('Шешім', 'Решение') } });
    for (const [id, as] of [['chairperson', chair], ...seated.memberIds.map((m, i) => [m, { sub: `${seated.councilId}-m${i + 1}` }])] as [string, { sub: string }][])
      await local.call('PUT', `${M}/${convened.json.id}/motions/${put.json.id}/votes/${id}`, { as, body: { choice: 'against' } });
    const closed = await local.call('POST', `${M}/${convened.json.id}/motions/${put.json.id}/close`, { as: chair });
    expect(closed.json.result.outcome).not.toBe('adopted');
    failedDecision = closed.json.result.decisionId;
    setToday('2020-05-10');
  });

  const planBody = (budgetTiyn: number, costs = [75_000_000, 50_000_000]) => ({
    title: bi('2020 жылдың екінші жартысына арналған бару жоспары', 'План посещений на второе полугодие 2020 года'),
    period: { from: '2020-07-01', to: '2020-12-31' },
    budgetTiyn,
    visits: costs.map((costTiyn, i) => ({ institutionId: institutions[i]!, from: `2020-0${7 + i}-10`, to: `2020-0${7 + i}-11`, costTiyn })),
    on: '2020-05-10',
  });

  it('refuses a plan over its budget, by the law (p14.6), with the amounts in tenge in kk, ru and en', async () => {
    const over = await local.call('POST', `${C}/visit-plans`, { as: seated.people.chairperson, body: planBody(100_000_000) });
    expect(over.status, over.text).toBe(422);
    const reason = over.json.error.reasons.find((r: { code: string }) => r.code === 'over-budget');
    expect(reason.point).toBe('p14.6');
    const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(nb(reason.message.kk)).toContain('Жоспардың құны 1 250 000,00 теңге, бөлінген қаражат 1 000 000,00 теңге: 250 000,00 теңгеге асады');
    expect(reason.message.kk).toContain('14-тармақтың 6) тармақшасы');
    expect(nb(reason.message.ru)).toContain('Стоимость плана 1 250 000,00 тенге, выделено 1 000 000,00 тенге: превышение на 250 000,00 тенге');
    expect(reason.message.en).toContain('The plan costs 1,250,000.00 tenge and 1,000,000.00 tenge is allocated: 250,000.00 tenge over');
    expect(over.json.error.code).toBe('over-budget');
    expect((await local.call('GET', `${C}/visit-plans`, { as: seated.people.chairperson })).json.items).toEqual([]);
  });

  it('refuses a plan after the repeal (2023): the law says there is none to apply', async () => {
    const after = await local.call('POST', `${C}/visit-plans`, { as: seated.people.chairperson, body: { ...planBody(200_000_000), on: '2023-02-01' } });
    expect(after.status, after.text).toBe(422);
    expect(after.json.error.code).toBe('act-repealed');
    expect(JSON.stringify(after.json.error.reasons)).toContain('order-1-2023');
  });

  it('names the field of a visit outside the period or an institution not in the register (400)', async () => {
    const body = planBody(200_000_000);
    body.visits[0]!.from = '2020-06-30';
    body.visits[1]!.institutionId = '00000000-0000-4000-8000-000000000000';
    const bad = await local.call('POST', `${C}/visit-plans`, { as: seated.people.secretary, body });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.visits.0.from', 'body.visits.1.institutionId']);
  });

  let planId: string;
  it('drafts a plan within budget and adopts it by a Council decision, once', async () => {
    const drafted = await local.call('POST', `${C}/visit-plans`, { as: seated.people.staff, body: planBody(125_000_000) });
    expect(drafted.status, drafted.text).toBe(201);
    expect(drafted.json).toMatchObject({ status: 'draft', totalTiyn: 125_000_000, budgetTiyn: 125_000_000 });
    planId = drafted.json.id;
    const P = `${C}/visit-plans/${planId}`;
    expect((await local.call('POST', `${P}/adoption`, { as: seated.people.chairperson, body: { decisionId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    const notAdopted = await local.call('POST', `${P}/adoption`, { as: seated.people.chairperson, body: { decisionId: failedDecision } });
    expect(notAdopted.status, notAdopted.text).toBe(422);
    expect(notAdopted.json.error.reasons[0].point).toBe('p24');
    const adopted = await local.call('POST', `${P}/adoption`, { as: seated.people.secretary, body: { decisionId: planDecision } });
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.json.status).toBe('adopted');
    expect(adopted.json.adoption).toMatchObject({ decisionId: planDecision, adoptedOn: '2020-04-01' });
    expect((await local.call('POST', `${P}/adoption`, { as: seated.people.chairperson, body: { decisionId: planDecision } })).status).toBe(409);
    const read = await local.call('GET', P, { as: seated.people.member });
    expect(read.status).toBe(200);
    expect(read.json.visits[0].institution.regionName.ru).toBe('Алматинская область');
    expect(read.json.visits[1].institution.typeName.kk).toBe('уақытша оқшаулаудың арнаулы мекемелері');
  });

  it('records participants the Council selected (p14.8); one with an account reads the registers as participant', async () => {
    const selected = await local.call('POST', `${C}/participants`, {
      as: seated.people.chairperson,
      body: { name: 'Қалиева Жанна', sub: participantSub, organisation: 'Қоғамдық бірлестік', groups: ['almaty-region', 'astana'], decisionId: participantDecision },
    });
    expect(selected.status, selected.text).toBe(201);
    expect(selected.json.selectedOn).toBe('2020-04-02');
    participantId = selected.json.id;
    const unadopted = await local.call('POST', `${C}/participants`, { as: seated.people.chairperson, body: { name: 'Басқа', groups: ['astana'], decisionId: failedDecision } });
    expect(unadopted.status).toBe(422);
    const reads = await local.call('GET', `${C}/institutions`, { as: { sub: participantSub } });
    expect(reads.status, reads.text).toBe(200);
    expect(reads.json.items).toHaveLength(2);
    expect((await local.call('GET', `${C}/visit-plans`, { as: { sub: participantSub } })).status).toBe(200);
    // The participant does not keep the registers.
    expect((await local.call('POST', `${C}/institutions`, { as: { sub: participantSub }, body: { name: bi('М', 'У'), type: 'children', region: 'abai' } })).status).toBe(403);
  });

  it('excludes a participant from one regional group by a decision of the members (p14.14); the history stays; twice is 409', async () => {
    const E = `${C}/participants/${participantId}/exclusions`;
    const reason = bi('Бару туралы есептің адалдығына күмән бар', 'Есть сомнение в добросовестности отчёта о посещении');
    const notAdopted = await local.call('POST', E, { as: seated.people.chairperson, body: { region: 'astana', decisionId: failedDecision, reason } });
    expect(notAdopted.status).toBe(422);
    const excluded = await local.call('POST', E, { as: seated.people.secretary, body: { region: 'astana', decisionId: exclusionDecision, visitReportId: 'report-1', reason } });
    expect(excluded.status, excluded.text).toBe(200);
    const astana = excluded.json.groups.find((g: { region: string }) => g.region === 'astana');
    expect(astana).toMatchObject({ from: '2020-04-02', to: '2020-05-05', excludedBy: { decisionId: exclusionDecision, visitReportId: 'report-1', on: '2020-05-05' } });
    expect(excluded.json.groups.find((g: { region: string }) => g.region === 'almaty-region').to).toBeUndefined();
    expect((await local.call('POST', E, { as: seated.people.chairperson, body: { region: 'astana', decisionId: exclusionDecision, reason } })).status).toBe(409);
    expect((await local.call('POST', E, { as: seated.people.chairperson, body: { region: 'abai', decisionId: exclusionDecision, reason } })).status).toBe(409);
    const listed = await local.call('GET', `${C}/participants`, { as: seated.people.member });
    expect(listed.json.items[0].groups).toHaveLength(2);
    expect(listed.json.items[0].groups.find((g: { region: string }) => g.region === 'astana').excludedBy.reason).toEqual(reason);
    const audit = await local.call('GET', `${C}/audit`, { as: seated.people.chairperson });
    if (audit.status === 200) expect(JSON.stringify(audit.json)).toContain('participant-excluded');
  });

  it('approves the work plan by the Chairperson only (p15.5), and it does not change afterwards', async () => {
    const drafted = await local.call('POST', `${C}/work-plans`, {
      as: seated.people.staff,
      body: { year: 2020, items: [{ title: bi('Бару жоспарын дайындау', 'Подготовка плана посещений'), due: '2020-06-30', responsible: 'Хатшы' }] },
    });
    expect(drafted.status, drafted.text).toBe(201);
    const A = `${C}/work-plans/${drafted.json.id}/approval`;
    expect((await local.call('POST', A, { as: seated.people.secretary, body: {} })).status).toBe(403);
    const approved = await local.call('POST', A, { as: seated.people.chairperson, body: { on: '2020-05-11' } });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', approval: { by: seated.people.chairperson.sub, on: '2020-05-11' } });
    expect((await local.call('POST', A, { as: seated.people.chairperson, body: {} })).status).toBe(409);
    const listed = await local.call('GET', `${C}/work-plans`, { as: { sub: participantSub } });
    expect(listed.json.items[0].status).toBe('approved');
  });

  it("gives an outsider and another council's people nothing (403)", async () => {
    for (const path of ['institutions', 'visit-plans', `visit-plans/${planId}`, 'participants', 'work-plans']) {
      expect((await local.call('GET', `${C}/${path}`, { as: outsider })).status, path).toBe(403);
      expect((await local.call('GET', `${C}/${path}`, { as: other.people.chairperson })).status, path).toBe(403);
      expect((await local.call('GET', `${C}/${path}`, { as: other.people.staff })).status, path).toBe(403);
    }
    expect((await local.call('POST', `${C}/institutions`, { as: other.people.staff, body: { name: bi('М', 'У'), type: 'children', region: 'abai' } })).status).toBe(403);
  });
});
