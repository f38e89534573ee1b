import { today } from '../clock.ts';
import { handle, type Reply, type Request } from '../http/handle.ts';
import { authorize } from '../membership/access.ts';
import * as demands from '../meetings/demands.ts';
import * as meetings from '../meetings/meetings.ts';
import * as minutes from '../meetings/minutes.ts';
import * as motions from '../meetings/motions.ts';
import { noticesFor } from '../meetings/notices.ts';
import { renderCalendar } from '../meetings/calendar.ts';
import { renderMinutesHtml } from '../meetings/render-html.ts';
import { minutesFileName } from '../meetings/labels.ts';
import { disposition } from '../http/disposition.ts';
import type { Close } from '../meetings/schemas.ts';
import type { z } from 'zod';
import { meetingDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './meetings.ts';

/** Handlers of the meeting routes: validate (the route's schemas), call the domain, answer. */

export const convene = handle('meetings.convene', async ({ body, params, caller }) => ({
  json: await meetings.convene(meetingDeps(), caller, params.councilId!, body),
}));


export const addAgendaItem = handle('meetings.agenda', async ({ body, params, caller }) => ({
  json: await meetings.addAgendaItem(meetingDeps(), caller, params.councilId!, params.meetingId!, body.title),
}));

export const setAttendance = handle('meetings.attendance', async ({ body, params, caller }) => ({
  json: await meetings.setAttendance(meetingDeps(), caller, params.councilId!, params.meetingId!, params.attendeeId!, body.present),
}));

/** `{ endTime? }`: read as the route's `Close` schema parsed it; a route without a body schema gives none (the clock's time then). */
export const closeMeeting = handle('meetings.close', async ({ body, params, caller }) => ({
  json: await meetings.closeMeeting(meetingDeps(), caller, params.councilId!, params.meetingId!, { endTime: (body as z.output<typeof Close> | undefined)?.endTime, now: new Date() }),
}));

export const putMotion = handle('motions.put', async ({ body, params, caller }) => ({
  json: await motions.putMotion(meetingDeps(), caller, params.councilId!, params.meetingId!, body),
}));

export const castVote = handle('motions.vote', async ({ body, params, caller }) => ({
  json: await motions.castVote(meetingDeps(), caller, params.councilId!, params.meetingId!, params.motionId!, params.voterId!, body.choice),
}));

export const closeMotion = handle('motions.close', async ({ params, caller }) => ({
  json: await motions.closeMotion(meetingDeps(), caller, params.councilId!, params.meetingId!, params.motionId!),
}));

export const addDissent = handle('motions.dissent', async ({ body, params, caller }) => ({
  json: await motions.addDissent(meetingDeps(), caller, params.councilId!, params.meetingId!, params.motionId!, { ...body, writtenOn: body.writtenOn ?? today() }),
}));

/** The minutes as JSON or HTML: by the path's suffix, else by `Accept`; their PDF and their signing: functions/api/documents.ts. */
async function minutesReply(request: Request<unknown, { lang?: 'kk' | 'ru' }>, format?: 'html'): Promise<Reply> {
  const doc = await minutes.readMinutes(meetingDeps(), request.caller, request.params.councilId!, request.params.meetingId!, today());
  const accept = request.headers.accept ?? '';
  const lang = request.query.lang ?? 'kk';
  const wanted = format ?? (accept.includes('text/html') ? 'html' : 'json');
  if (wanted === 'html') {
    return { file: { contentType: 'text/html; charset=utf-8', body: renderMinutesHtml(doc, lang) }, headers: { 'content-disposition': disposition('inline', minutesFileName(doc.meeting, lang, 'html')) } };
  }
  return { json: doc };
}

export const getMinutes = handle('minutes.get', (request) => minutesReply(request));
export const getMinutesHtml = handle('minutes.html', (request) => minutesReply(request, 'html'));

export const calendar = handle('meetings.calendar', async ({ params, caller }) => {
  const deps = meetingDeps();
  await authorize(deps, caller, params.councilId!);
  const list = await deps.meetings.listMeetings(params.councilId!, '0000-01-01', '9999-12-31');
  // Its people on the date of a meeting it lists, or today.
  const { council } = (await authorize(deps, caller, params.councilId!, [today(), ...list.map((m) => m.date)])).people;
  return { file: { contentType: 'text/calendar; charset=utf-8', body: renderCalendar({ council, meetings: list, now: new Date() }) } };
});

export const openDemand = handle('demands.open', async ({ body, params, caller }) => ({
  json: await demands.openDemand(meetingDeps(), caller, params.councilId!, { reason: body.reason, on: body.on ?? today() }),
}));

export const signDemand = handle('demands.sign', async ({ body, params, caller }) => ({
  json: await demands.signDemand(meetingDeps(), caller, params.councilId!, params.demandId!, body.on ?? today()),
}));

export const getDemand = handle('demands.get', async ({ params, caller }) => ({
  json: await demands.readDemand(meetingDeps(), caller, params.councilId!, params.demandId!, today()),
}));

export const listNotices = handle('notices.list', async ({ params, caller }) => ({
  json: { notices: await noticesFor(meetingDeps(), caller, params.councilId!, today()) },
}));


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
