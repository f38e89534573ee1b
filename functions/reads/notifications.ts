import { NotFoundError } from '../errors.ts';
import { derivedId } from '../ids.ts';
import type { CouncilPeople } from '../membership/model.ts';
import type { PersonDeps } from './deps.ts';
import { both, dateIn, quarterIn, say } from './messages.ts';
import { nameOf } from './names.ts';
import type { Link, Notification, PageRequest } from './store.ts';
import type { Todo } from './todos.ts';

/** What the person reads of a notification (not whom it is for, nor its e-mail's fate). */
export function notificationView({ id, councilId, kind, text, link, createdAt, readAt }: Notification) {
  return { id, councilId, kind, text, link, createdAt, ...(readAt ? { readAt } : {}) };
}

/** GET /v1/me/notifications: the caller's outbox, newest first. */
export async function listNotifications(deps: PersonDeps, sub: string, request: PageRequest) {
  const page = await deps.person.notifications(sub, request);
  return { items: page.items.map(notificationView), next: page.next };
}

/** POST /v1/me/notifications/{id}/read: the first reading is kept; another person's id is not found. */
export async function markRead(deps: PersonDeps, sub: string, id: string, now: Date) {
  const read = await deps.person.markRead(sub, id, now.toISOString());
  if (!read) throw new NotFoundError('notification-not-found', { kk: 'Хабарлама табылмады', ru: 'Уведомление не найдено', en: 'Notification not found' });
  return notificationView(read);
}

/** What a to-do is about, stable across runs: the same to-do is one notification, however often it is seen. */
function subjectOf(todo: Todo): string {
  switch (todo.kind) {
    case 'notice':
      return todo.notice.id;
    case 'sign-minutes':
      return `${todo.meetingId}-${todo.role}`;
    case 'next-meeting':
      return todo.meetingId;
    case 'vote':
      return todo.motionId;
    case 'sign-demand':
      return todo.demandId;
    case 'ballot':
      return todo.electionId;
  }
}

/** The notification of a person's to-do: its words in kk, ru and en, and the page it leads to. */
export function notificationOf(people: CouncilPeople, sub: string, todo: Todo, now: Date): Notification {
  const councilId = people.council.id;
  const { kind, text, link } = describe(people, todo);
  return { id: derivedId('notification', sub, councilId, todo.kind, subjectOf(todo)), sub, councilId, kind, text, link: { ...link, ids: { councilId, ...link.ids } }, createdAt: now.toISOString() };
}

function describe(people: CouncilPeople, todo: Todo): { kind: string; text: Notification['text']; link: Link } {
  switch (todo.kind) {
    case 'notice': {
      const n = todo.notice;
      switch (n.kind) {
        case 'extraordinary-demand':
          return { kind: n.kind, text: say(n.kind, { date: dateIn(n.on) }), link: { page: 'demand', ids: { demandId: n.ref } } };
        case 'quarter-warning':
        case 'quarter-missed':
          return { kind: n.kind, text: say(n.kind, { quarter: quarterIn(n.ref) }), link: { page: 'notices', ids: {} } };
        case 'election-due':
          return { kind: n.kind, text: say(n.kind, { termEnd: dateIn(n.termEnd), deadline: dateIn(n.deadline) }), link: { page: 'notices', ids: {} } };
        case 'leaving-notice':
          return { kind: n.kind, text: say(n.kind, { name: nameOf(people, n.memberId) }), link: { page: 'leaving-notices', ids: { memberId: n.memberId, noticeId: n.ref } } };
        case 'complaint-received':
          return { kind: n.kind, text: say(n.kind, { on: dateIn(n.on) }), link: { page: 'complaints', ids: {} } };
        case 'recommendation-overdue':
          return { kind: n.kind, text: say(n.kind, { addressee: n.addressee, dueOn: dateIn(n.dueOn) }), link: { page: 'notices', ids: {} } };
      }
      break;
    }
    case 'sign-minutes':
      return { kind: todo.kind, text: say(todo.kind, { date: dateIn(todo.date) }), link: { page: 'minutes', ids: { meetingId: todo.meetingId } } };
    case 'next-meeting':
      return { kind: todo.kind, text: say(todo.kind, { date: dateIn(todo.date) }), link: { page: 'meeting', ids: { meetingId: todo.meetingId } } };
    case 'vote':
      return { kind: todo.kind, text: say(todo.kind, { title: both(todo.title) }), link: { page: 'motion', ids: { meetingId: todo.meetingId, motionId: todo.motionId } } };
    case 'sign-demand':
      return { kind: todo.kind, text: say(todo.kind, { reason: both(todo.reason) }), link: { page: 'demand', ids: { demandId: todo.demandId } } };
    case 'ballot':
      return { kind: todo.kind, text: say(todo.kind, { date: dateIn(todo.date) }), link: { page: 'election', ids: { electionId: todo.electionId } } };
  }
  throw new Error(`no words for the to-do ${JSON.stringify(todo)}`);
}
