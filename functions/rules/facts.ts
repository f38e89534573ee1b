import { z } from 'zod';
import type { Text } from '../text.ts';

/**
 * The questions kenes answers from the law, and the facts each one takes. The fact names are an
 * HTTP contract other clients depend on. Facts are validated here, before any engine sees them
 * (with `allowUndefinedFacts` a missing fact would silently become `undefined`).
 */
export const QUESTIONS = [
  'member-eligibility',
  'quorum',
  'decision',
  'termination-vote',
  'dissolution',
  'extraordinary-meeting',
  'election',
  'member-termination',
] as const;
export type Question = (typeof QUESTIONS)[number];

/** Far above any Council, and low enough that `count × denominator` stays an exact integer. */
const LIMIT = 1_000_000;
const count = z.int().nonnegative().max(LIMIT);
/** A Council has at least its Chairperson: a total of zero members is a mistake, not a meeting. */
const membersTotal = z.int().positive().max(LIMIT);

type Check<T> = { field: keyof T & string; code: string; message: Text; holds: (facts: T) => boolean };

/** Adds the consistency checks of the counts to a facts schema; each names its field and speaks for itself. */
function consistent<S extends z.ZodObject>(schema: S, checks: Check<z.output<S>>[]): S {
  return schema.superRefine((facts, ctx) => {
    for (const check of checks)
      if (!check.holds(facts))
        ctx.addIssue({ code: 'custom', path: [check.field], message: check.message.en, params: { code: check.code, message: check.message } });
  });
}

type Counts = { membersTotal: number; membersPresent: number; votesFor: number; votesAgainst: number; abstained: number };

const presentWithinTotal: Check<Counts> = {
  field: 'membersPresent',
  code: 'more-present-than-members',
  message: {
    kk: 'қатысқан мүшелер саны мүшелер санынан (membersTotal) аспауы керек',
    ru: 'присутствующих не может быть больше, чем членов (membersTotal)',
    en: 'cannot exceed the number of members (membersTotal)',
  },
  holds: (f) => f.membersPresent <= f.membersTotal,
};
const votesWithinPresent: Check<Counts> = {
  field: 'votesFor',
  code: 'more-votes-than-present',
  message: {
    kk: '«жақ», «қарсы» және қалыс қалғандар саны қатысқан мүшелер санынан (membersPresent) аспауы керек',
    ru: 'голосов «за», «против» и воздержавшихся вместе не может быть больше, чем присутствующих (membersPresent)',
    en: 'votesFor + votesAgainst + abstained cannot exceed the members present (membersPresent)',
  },
  holds: (f) => f.votesFor + f.votesAgainst + f.abstained <= f.membersPresent,
};

const vote = {
  membersTotal,
  membersPresent: count,
  votesFor: count,
  votesAgainst: count,
  abstained: count,
};

/** The presiding person's vote must be one of the votes counted. */
const presidingVoteCounted = (side: 'for' | 'against' | 'abstain', key: 'votesFor' | 'votesAgainst' | 'abstained') => ({
  field: 'presidingVote' as const,
  code: `presiding-vote-${side}-not-counted`,
  message: {
    kk: `төрағалық етушінің дауысы «${side}» болса, ${key} кемінде 1 болуы керек`,
    ru: `если председательствующий голосовал «${side}», ${key} должно быть не меньше 1`,
    en: `is '${side}', so ${key} must be at least 1`,
  },
  holds: (f: Counts & { presidingVote: string }) => f.presidingVote !== side || f[key] >= 1,
});

export const FACTS = {
  'member-eligibility': z.strictObject({
    citizenOfKazakhstan: z.boolean(),
    unexpungedCriminalRecord: z.boolean(),
    suspectOrAccused: z.boolean(),
    legalCapacity: z.enum(['full', 'limited', 'incapable']),
    psychiatricOrNarcologicalRegistration: z.boolean(),
    releasedFromLiabilityOnNonRehabilitatingGrounds: z.boolean(),
    dismissedOnNegativeGrounds: z.boolean(),
    expelledFromBar: z.boolean(),
    advocateLicenceRevoked: z.boolean(),
  }),
  quorum: consistent(z.strictObject({ membersTotal, membersPresent: count }), [presentWithinTotal as Check<{ membersTotal: number; membersPresent: number }>]),
  decision: consistent(z.strictObject({ ...vote, presidingVote: z.enum(['for', 'against', 'abstain']) }), [
    presentWithinTotal,
    votesWithinPresent,
    presidingVoteCounted('for', 'votesFor'),
    presidingVoteCounted('against', 'votesAgainst'),
    presidingVoteCounted('abstain', 'abstained'),
  ]),
  'termination-vote': consistent(z.strictObject(vote), [presentWithinTotal, votesWithinPresent]),
  dissolution: consistent(z.strictObject(vote), [presentWithinTotal, votesWithinPresent]),
  'extraordinary-meeting': consistent(z.strictObject({ membersTotal, membersDemanding: count }), [
    {
      field: 'membersDemanding',
      code: 'more-demanding-than-members',
      message: {
        kk: 'талап етуші мүшелер саны мүшелер санынан (membersTotal) аспауы керек',
        ru: 'требующих не может быть больше, чем членов (membersTotal)',
        en: 'cannot exceed the number of members (membersTotal)',
      },
      holds: (f) => f.membersDemanding <= f.membersTotal,
    },
  ]),
  election: consistent(z.strictObject({ ballotsCast: count, votesForCandidate: count }), [
    {
      field: 'votesForCandidate',
      code: 'more-votes-than-ballots',
      message: {
        kk: 'кандидатқа берілген дауыстар берілген бюллетеньдер санынан (ballotsCast) аспауы керек',
        ru: 'голосов за кандидата не может быть больше, чем поданных бюллетеней (ballotsCast)',
        en: 'cannot exceed the ballots cast (ballotsCast)',
      },
      holds: (f) => f.votesForCandidate <= f.ballotsCast,
    },
  ]),
  // p18: the ground (its subpoint, 1–7) and, for ground 1, whether a termination vote was adopted (p25).
  'member-termination': z.strictObject({ ground: z.int().min(1).max(7), terminationVoteAdopted: z.boolean() }),
} satisfies Record<Question, z.ZodObject>;

/** The fact names a question takes (the rule documents may reference only these). */
export function factNames(question: Question): string[] {
  return Object.keys(FACTS[question].shape);
}
