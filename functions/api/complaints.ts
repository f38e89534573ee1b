import { today } from '../clock.ts';
import * as desk from '../complaints/desk.ts';
import * as intake from '../complaints/intake.ts';
import * as councilKeys from '../complaints/keys.ts';
import { summaryOf } from '../complaints/model.ts';
import type { ComplaintDeps } from '../complaints/store.ts';
import { dispatch } from '../http/dispatch.ts';
import { handle } from '../http/handle.ts';
import { dynamoComplaintStore } from '../store/complaints.ts';
import { dynamoAccessLog } from '../store/privacy.ts';
import * as self from './complaints.ts';
import { membershipDeps } from './wiring.ts';

/** Handlers of the complaints routes (p14.7, p15.6, p29): each validates, calls the domain, answers. */

let built: ComplaintDeps | undefined;
function deps(): ComplaintDeps {
  built ??= { ...membershipDeps(), complaints: dynamoComplaintStore(), accessLog: dynamoAccessLog() };
  return built;
}

export const publishKey = handle('complaintKeys.publish', async ({ body, params, caller }) => {
  const { publishedAt: _at, councilId: _c, ...key } = await councilKeys.publishKey(deps(), caller, params.councilId!, { publicKey: body.publicKey, on: body.on ?? today() });
  return { json: key };
});

export const listKeys = handle('complaintKeys.list', async ({ params, caller }) => ({ json: await councilKeys.listKeys(deps(), caller, params.councilId!, today()) }));

export const currentKey = handle('complaintKeys.current', async ({ params, caller }) => ({ json: await councilKeys.currentKey(deps(), caller, params.councilId!, today()) }));

export const sendComplaint = handle('complaints.send', async ({ body, params, caller }) => ({ json: await intake.receiveComplaint(deps(), caller, params.councilId!, body, today()) }));

export const complaintStatus = handle('complaints.status', async ({ params }) => ({ json: await intake.statusByReceipt(deps(), params.receipt!) }));

export const listComplaints = handle('complaints.list', async ({ query, params, caller }) => ({
  json: await desk.listComplaints(deps(), caller, params.councilId!, today(), { limit: query.limit ?? 50, cursor: query.cursor }),
}));

export const readComplaint = handle('complaints.read', async ({ query, params, caller }) => ({
  json: await desk.readComplaint(deps(), caller, params.councilId!, params.complaintId!, query.reason, today()),
}));

export const considerComplaint = handle('complaints.consider', async ({ body, params, caller }) => ({
  json: summaryOf(await desk.considerComplaint(deps(), caller, params.councilId!, params.complaintId!, { ...body, on: body.on ?? today() })),
}));

export const resealComplaint = handle('complaints.reseal', async ({ body, params, caller }) => ({
  json: summaryOf(await desk.resealComplaint(deps(), caller, params.councilId!, params.complaintId!, body, today())),
}));

export const router = dispatch(self);
