import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { calendarFeed, drawCalendar, revokeCalendar } from '../reads/calendar.ts';
import type { PersonDeps } from '../reads/deps.ts';
import { me as whoAmI } from '../reads/me.ts';
import { listNotifications, markRead } from '../reads/notifications.ts';
import { dynamoPersonStore, dynamoReadStore } from '../store/reads.ts';
import { meetingDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './me.ts';

/**
 * Handlers of the person's own routes (any signed-in caller, each answering for the caller
 * alone: the identity is the token's `sub`, never a parameter) and of the public calendar feed.
 */

let deps: PersonDeps | undefined;
/** The read models and the person's own partition, built once per function instance. */
function personDeps(): PersonDeps {
  deps ??= { ...meetingDeps(), reads: dynamoReadStore(), person: dynamoPersonStore() };
  return deps;
}

export const me = handle('me.get', async ({ identity }) => ({ json: await whoAmI(personDeps(), identity!, today()) }));

export const newCalendar = handle('me.calendar', async ({ identity }) => ({ json: await drawCalendar(personDeps(), identity!.sub, today(), new Date()) }));

export const dropCalendar = handle('me.calendarRevoke', async ({ identity }) => ({ json: await revokeCalendar(personDeps(), identity!.sub, new Date()) }));

export const calendar = handle('calendar.feed', async ({ params }) => ({
  file: { contentType: 'text/calendar; charset=utf-8', body: await calendarFeed(personDeps(), params.secret!, new Date()) },
}));

export const notifications = handle('me.notifications', async ({ query, identity }) => ({
  json: await listNotifications(personDeps(), identity!.sub, { limit: query.limit ?? 50, cursor: query.cursor }),
}));

export const readNotification = handle('me.notificationRead', async ({ params, identity }) => ({ json: await markRead(personDeps(), identity!.sub, params.notificationId!, new Date()) }));

/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
