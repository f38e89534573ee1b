import { rolesOf } from '../membership/access.ts';
import type { CouncilPeople } from '../membership/model.ts';
import type { Text } from '../text.ts';
import { agendaOf, votedIn } from './agenda.ts';
import type { PersonDeps } from './deps.ts';
import { councilsOf, everyCouncil } from './me.ts';
import { notificationOf } from './notifications.ts';
import type { Notification } from './store.ts';
import { todosOf } from './todos.ts';

/** An e-mail: plain text, the three languages one after the other. */
export type Mail = { subject: string; text: string };

/** Where e-mails go out (Amazon SES on AWS, functions/jobs/mail.ts); none locally, where the app shows the outbox. */
export type Mailer = {
  /** The person's verified e-mail address, by their user id; undefined when they have none. */
  addressOf(sub: string): Promise<string | undefined>;
  send(to: string, mail: Mail): Promise<void>;
};

/** E-mails sent per run at most: a run stays well inside the job's minute; the rest wait for the next run. */
const MAILS_PER_RUN = 100;

/** Everyone a council's records name: its Chairperson, its members (ever), its commissions' voters. */
export function peopleIn(people: CouncilPeople): string[] {
  const subs = [people.council.chairpersonSub, ...people.members.map((m) => m.sub), ...people.commissions.flatMap((c) => c.voters)];
  return [...new Set(subs.filter((s): s is string => Boolean(s)))];
}

/**
 * The scheduled `notify` job (every 15 minutes): every person's to-dos in every council today
 * (functions/reads/todos.ts) become notifications in their outbox, each once (its id is derived
 * from the person and the to-do: a second run adds nothing). On AWS, with a mailer, each new one
 * is also e-mailed, at least once: it waits in the e-mail outbox until sent. It also keeps each
 * calendar feed's councils current (where the person holds a role today).
 */
export async function notify(deps: PersonDeps, mailer: Mailer | undefined, today: string, now: Date, webUrl?: string) {
  const all = await everyCouncil(deps);
  let todos = 0;
  let notified = 0;
  const subs = new Set<string>();
  for (const people of all) {
    const agenda = await agendaOf(deps, people, today, true);
    for (const sub of peopleIn(people)) {
      subs.add(sub);
      if (!rolesOf(people, sub, today).roles.size) continue;
      for (const todo of todosOf(agenda, sub, today, await votedIn(deps, agenda, sub, today))) {
        todos++;
        if (await deps.person.putNotification(notificationOf(people, sub, todo, now), Boolean(mailer))) notified++;
      }
    }
  }
  let calendars = 0;
  for (const sub of subs) {
    const hash = await deps.person.calendarOf(sub);
    if (!hash) continue;
    await deps.person.refreshCalendar(hash, councilsOf(all, sub, today), today);
    calendars++;
  }
  const mails = mailer ? await sendMails(deps, mailer, new Map(all.map((p) => [p.council.id, p.council.name])), now, webUrl) : { emailed: 0, withoutAddress: 0, failed: 0 };
  return { today, councils: all.length, todos, notified, calendars, ...mails };
}

/** Sends the e-mails waiting in the outbox, oldest first; one that fails waits for the next run. */
async function sendMails(deps: PersonDeps, mailer: Mailer, councils: Map<string, Text>, now: Date, webUrl?: string) {
  const counts = { emailed: 0, withoutAddress: 0, failed: 0 };
  const addresses = new Map<string, Promise<string | undefined>>();
  for (const notification of await deps.person.pendingEmails(MAILS_PER_RUN)) {
    if (!addresses.has(notification.sub)) addresses.set(notification.sub, mailer.addressOf(notification.sub));
    const to = await addresses.get(notification.sub);
    if (!to) {
      await deps.person.emailDone(notification, { skipped: 'no-address' });
      counts.withoutAddress++;
      continue;
    }
    try {
      await mailer.send(to, mailOf(notification, councils.get(notification.councilId), webUrl));
      await deps.person.emailDone(notification, { emailedAt: now.toISOString() });
      counts.emailed++;
    } catch {
      counts.failed++;
    }
  }
  return counts;
}

/**
 * A notification as an e-mail: the council's name as its subject, the text in kk, ru and en, and
 * the site's address (the app shows the notification with its link).
 *
 * @example
 * mailOf(notification, { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' }).subject;
 */
export function mailOf(notification: Notification, council: Text | undefined, webUrl?: string): Mail {
  const subject = council ? `${council.kk} · ${council.ru}` : 'kenes';
  const text = [notification.text.kk, notification.text.ru, notification.text.en, ...(webUrl ? [webUrl] : [])].join('\n\n');
  return { subject, text };
}
