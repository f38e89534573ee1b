import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDeps } from '../../functions/api/wiring.ts';
import { setToday } from '../../functions/clock.ts';
import { notify, type Mail, type Mailer } from '../../functions/reads/notify.ts';
import { dynamoPersonStore, dynamoReadStore } from '../../functions/store/reads.ts';
import { localPeople, LocalPeopleResponse } from '../../infra/local/people.ts';
import { admin, seatCouncil, type Seated } from '../scenarios/council.ts';
import { runJob, startLocal } from './local.ts';

/**
 * The `notify` job's e-mails with a mailer standing in for Amazon SES (at least once, each new
 * notification; a person without an address is not asked again; a failed send is retried on
 * the next run), the calendar's councils kept current by the job, and the local people list of
 * the dev sign-in. Dates when the act was in force.
 */
const TODAY = '2020-06-10';

describe('the notify job, the calendar’s councils and the local people list', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let x: Seated;
  beforeAll(async () => {
    local = await startLocal();
    setToday(TODAY);
    x = await seatCouncil(local, 'person-x');
    const convened = await local.call('POST', `/v1/councils/${x.councilId}/meetings`, { as: x.people.chairperson, body: { kind: 'regular', date: '2020-06-12' } });
    expect(convened.status, convened.text).toBe(201);
  }, 60_000);
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  it('e-mails each new notification once: no address, no e-mail (and no second try); a failed send waits for the next run', async () => {
    const deps = { ...meetingDeps(), reads: dynamoReadStore(), person: dynamoPersonStore() };
    const [m1, m2, m3] = [x.people.secretary.sub, x.people.member.sub, `${x.councilId}-m3`];
    const sent: { to: string; mail: Mail }[] = [];
    const asked: string[] = [];
    let failing = true;
    const mailer: Mailer = {
      async addressOf(sub) {
        asked.push(sub);
        return sub === m3 ? undefined : `${sub}@example.kz`;
      },
      async send(to, mail) {
        if (failing && to.startsWith(m1)) {
          failing = false;
          throw new Error('Throttling');
        }
        sent.push({ to, mail });
      },
    };
    const first = await notify(deps, mailer, TODAY, new Date(), 'https://kenes.example.kz/');
    expect(first).toMatchObject({ todos: 3, notified: 3, emailed: 1, withoutAddress: 1, failed: 1 });
    expect(sent.map((s) => s.to)).toEqual([`${m2}@example.kz`]);
    const mail = sent[0]!.mail;
    expect(mail.subject).toBe('Үйлестіру кеңесі · Координационный совет');
    expect(mail.text.split('\n\n')).toEqual(['Келесі отырыс: 2020 ж. 12 маусым', 'Следующее заседание: 12 июня 2020 г.', 'Next meeting: 12 June 2020', 'https://kenes.example.kz/']);

    const second = await notify(deps, mailer, TODAY, new Date(), 'https://kenes.example.kz/');
    expect(second).toMatchObject({ notified: 0, emailed: 1, withoutAddress: 0, failed: 0 });
    expect(sent.map((s) => s.to)).toEqual([`${m2}@example.kz`, `${m1}@example.kz`]);
    expect(await notify(deps, mailer, TODAY, new Date())).toMatchObject({ notified: 0, emailed: 0, withoutAddress: 0, failed: 0 });
    expect(asked.filter((s) => s === m3)).toHaveLength(1);
    // Locally (no mailer) the job sends nothing and the app shows the outbox.
    expect(await runJob('notify', TODAY, TODAY)).toMatchObject({ notified: 0, emailed: 0 });
    expect((await local.call('GET', '/v1/me/notifications', { as: { sub: m3 } })).json.items.map((n: { kind: string }) => n.kind)).toEqual(['next-meeting']);
  });

  it('keeps a calendar’s councils current: a voter who drew it before the commission was formed sees its meetings after the next run', async () => {
    setToday('2020-01-10');
    const drawn = await local.call('POST', '/v1/me/calendar', { as: x.people.voter });
    setToday(TODAY);
    expect((await local.call('GET', drawn.json.url)).text).not.toContain('BEGIN:VEVENT');
    const run: Record<string, number> = await runJob('notify', TODAY, TODAY);
    expect(run.calendars).toBe(1);
    expect((await local.call('GET', drawn.json.url)).text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('lists the people of the councils for the dev sign-in, by name with their roles, the administrator first', async () => {
    const listed = LocalPeopleResponse.parse(await localPeople(TODAY));
    expect(listed.people[0]).toEqual({ sub: admin.sub, name: admin.sub, admin: true, councils: [] });
    const bySub = new Map(listed.people.map((p) => [p.sub, p]));
    const roles = (sub: string) => bySub.get(sub)?.councils.map((c) => [c.id, c.roles]);
    expect(bySub.get(x.people.chairperson.sub)?.name).toBe('Төраға');
    expect(roles(x.people.chairperson.sub)).toEqual([[x.councilId, ['chairperson']]]);
    expect(bySub.get(x.people.secretary.sub)?.name).toBe('Мүше 1');
    expect(roles(x.people.secretary.sub)).toEqual([[x.councilId, ['secretary', 'member']]]);
    expect(bySub.get(x.people.voter.sub)).toMatchObject({ name: x.people.voter.sub, councils: [{ id: x.councilId, roles: ['voter'] }] });
    expect(listed.people).toHaveLength(1 + 5);
  });
});
