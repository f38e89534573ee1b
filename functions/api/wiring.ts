import type { MembershipDeps, LawPort } from '../membership/deps.ts';
import { defaultRulesDir, evaluate, lawSource, readingOf, readCases, readRulesDir, revalidateSecondsFromEnv, versionInForce, type Law, type LawDeps, type LawEdition, type LawSource } from '../rules/index.ts';
import { dynamoLawStore } from '../store/law.ts';
import { TABLE_NAME_ENV } from '../store/table.ts';
import { dynamoMembershipStore } from '../store/membership.ts';
import { dynamoMeetingStore } from '../store/meetings.ts';
import { dynamoRecommendationsSource } from '../store/reports.ts';
import type { MeetingDeps } from '../meetings/deps.ts';
import { complaintsSource } from '../complaints/minutes.ts';
import { dynamoComplaintStore } from '../store/complaints.ts';

/**
 * Wiring of the handlers: which law, which stores. Built once per function instance (Lambda
 * reuses it across invocations); nothing here decides anything.
 */

/** rules/ as bundled beside the function: the seed, and the cases every amendment must keep. Read once. */
let files: ReturnType<LawDeps['files']> | undefined;
function lawFiles(): ReturnType<LawDeps['files']> {
  const dir = defaultRulesDir();
  files ??= { doc: readRulesDir(dir), cases: readCases(dir) };
  return files;
}

let source: LawSource | undefined;

/**
 * The law this instance answers by: from the table (the head revalidated at most every
 * KENES_LAW_REVALIDATE_SECONDS, default 30), or from rules/ while the table holds no law or
 * no table is configured (the CLI without `npm start`).
 */
function law(): LawSource {
  source ??= lawSource({
    store: process.env[TABLE_NAME_ENV] ? dynamoLawStore() : undefined,
    files: () => lawFiles().doc,
    revalidateSeconds: revalidateSecondsFromEnv,
  });
  return source;
}

export function currentLaw(): Promise<Law> {
  return law().law();
}

/** The law and the stored record it was built from (history, withdrawals). */
export function currentEdition(): Promise<LawEdition> {
  return law().edition();
}

/** This instance changed the law itself: it reads the head again on its next request. */
export function forgetLaw(): void {
  source?.forget();
}

/** What publishing, dry-runs, withdrawals and seeding need: the law's store, rules/, the time. */
export function lawDeps(): LawDeps {
  return { store: dynamoLawStore(), files: lawFiles, now: () => new Date().toISOString() };
}

/** The law as the domain asks it: questions through the one evaluator, parameters by date. */
export function lawPort(): LawPort {
  return {
    decide: async (question, at, facts) => evaluate(await currentLaw(), { question, at, facts }),
    async assertInForce(at) {
      const found = versionInForce(await currentLaw(), at);
      if (!found.inForce) throw found.refusal;
    },
    reading: async (name, at) => readingOf(await currentLaw(), name, at),
    async parameter<T>(name: string, at: string) {
      const found = versionInForce(await currentLaw(), at);
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

/** The minutes enter the complaints received since the previous meeting (p14.7), from the complaints register. */
export function meetingDeps(): MeetingDeps {
  meetings ??= { ...membershipDeps(), meetings: dynamoMeetingStore(), complaints: complaintsSource(dynamoComplaintStore()), recommendations: dynamoRecommendationsSource() };
  return meetings;
}
