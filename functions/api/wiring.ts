import type { MembershipDeps, LawPort } from '../membership/deps.ts';
import { buildLaw, defaultRulesDir, evaluate, readRulesDir, versionInForce, type Law } from '../rules/index.ts';
import { dynamoMembershipStore } from '../store/membership.ts';
import { dynamoMeetingStore } from '../store/meetings.ts';
import type { ComplaintsSource, MeetingDeps } from '../meetings/deps.ts';

/**
 * Wiring of the handlers: which law, which stores. Built once per function instance (Lambda
 * reuses it across invocations); nothing here decides anything.
 */
let law: Law | undefined;

export function currentLaw(): Law {
  law ??= buildLaw(readRulesDir(defaultRulesDir()));
  return law;
}

/** The law as the domain asks it: questions through the one evaluator, parameters by date. */
export function lawPort(): LawPort {
  return {
    decide: (question, at, facts) => evaluate(currentLaw(), { question, at, facts }),
    async assertInForce(at) {
      const found = versionInForce(currentLaw(), at);
      if (!found.inForce) throw found.refusal;
    },
    async parameter<T>(name: string, at: string) {
      const found = versionInForce(currentLaw(), at);
      if (!found.inForce) throw found.refusal;
      const entry = found.version.state.parameters[name];
      if (!entry) throw new Error(`no parameter ${name} in ${found.version.id}`);
      return entry.value as T;
    },
  };
}

let membership: MembershipDeps | undefined;

export function membershipDeps(): MembershipDeps {
  membership ??= { store: dynamoMembershipStore(), law: lawPort() };
  return membership;
}

let meetings: MeetingDeps | undefined;

/**
 * The complaints register of the preventive mechanism (p14.7) is not built yet: until it is,
 * the minutes enter no complaints. This is the seam it plugs into.
 */
const noComplaintsRegisterYet: ComplaintsSource = { receivedBetween: async () => [] };

export function meetingDeps(): MeetingDeps {
  meetings ??= { ...membershipDeps(), meetings: dynamoMeetingStore(), complaints: noComplaintsRegisterYet };
  return meetings;
}
