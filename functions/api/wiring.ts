import type { MembershipDeps, LawPort } from '../membership/deps.ts';
import { precompiledLaw } from '../rules/precompiled.ts';
// Each from its own module, not the rules/ barrel: the barrel also carries the YAML reader, which
// these functions never need and would otherwise bundle (docs/performance.md).
import { evaluate } from '../rules/evaluate.ts';
import { readingOf, versionInForce, type Law } from '../rules/law.ts';
import { lawSource, revalidateSecondsFromEnv, type LawEdition, type LawSource } from '../rules/source.ts';
import { dynamoLawStore } from '../store/law.ts';
import { TABLE_NAME_ENV } from '../store/table.ts';
import { dynamoMembershipStore } from '../store/membership.ts';
import { dynamoMeetingStore } from '../store/meetings.ts';
import { dynamoReportsStore, dynamoRecommendationsSource } from '../store/reports.ts';
import { dynamoAccessLog } from '../store/privacy.ts';
import type { ReportDeps } from '../reports/deps.ts';
import type { MeetingDeps } from '../meetings/deps.ts';
import { complaintsSource } from '../complaints/minutes.ts';
import { dynamoComplaintStore } from '../store/complaints.ts';

/**
 * Wiring of the handlers: which law, which stores. Built once per function instance (Lambda
 * reuses it across invocations); nothing here decides anything.
 */

let source: LawSource | undefined;

/**
 * The law this instance answers by: from the table (the head revalidated at most every
 * KENES_LAW_REVALIDATE_SECONDS, default 30), or from rules/ while the table holds no law or
 * no table is configured (the CLI without `npm start`) — rules/ as precompiled to JSON and
 * bundled (precompiled.ts), so that no request waits for the YAML to be parsed and checked.
 */
function law(): LawSource {
  source ??= lawSource({
    store: process.env[TABLE_NAME_ENV] ? dynamoLawStore() : undefined,
    files: precompiledLaw,
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

let reports: ReportDeps | undefined;

/** The reporting forms, visit reports, recommendations and annual reports, with the p29 access log. */
export function reportDeps(): ReportDeps {
  reports ??= { ...membershipDeps(), reports: dynamoReportsStore(), accessLog: dynamoAccessLog() };
  return reports;
}
