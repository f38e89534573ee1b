import * as z from 'zod';
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
  'leaving',
  'visit-plan',
] as const;
export type Question = (typeof QUESTIONS)[number];

/** Far above any Council, and low enough that `count × denominator` stays an exact integer. */
const LIMIT = 1_000_000;
const count = z.int().nonnegative().max(LIMIT);
/** A Council has at least its Chairperson: a total of zero members is a mistake, not a meeting. */
const membersTotal = z.int().positive().max(LIMIT);

/** A consistency check of the facts: the field it names and, in words, what must hold (never a fact's name in kk or ru). */
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
    kk: 'қатысқан мүшелер саны Үйлестіру кеңесі мүшелерінің санынан аспауы керек',
    ru: 'присутствующих не может быть больше, чем членов совета',
    en: 'cannot exceed the number of members (membersTotal)',
  },
  holds: (f) => f.membersPresent <= f.membersTotal,
};
const votesWithinPresent: Check<Counts> = {
  field: 'votesFor',
  code: 'more-votes-than-present',
  message: {
    kk: '«жақ», «қарсы» дауыс бергендер мен қалыс қалғандардың жалпы саны қатысқан мүшелер санынан аспауы керек',
    ru: 'голосов «за», «против» и воздержавшихся вместе не может быть больше, чем присутствующих членов',
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

/**
 * The presiding person's vote must be one of the votes counted. `none`: the person presiding
 * did not vote (a fact of its own, not an abstention), so it needs no count.
 */
const PRESIDING_VOTES = ['for', 'against', 'abstain', 'none'] as const;
const presidingVoteCounted = (side: 'for' | 'against' | 'abstain', key: 'votesFor' | 'votesAgainst' | 'abstained', words: Text) => ({
  field: 'presidingVote' as const,
  code: `presiding-vote-${side}-not-counted`,
  message: words,
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
    /**
     * p5: whether the expulsion was on negative grounds. Needed only when `expelledFromBar` is
     * true and the reading `eligibility.barExpulsion` says "on negative grounds" governs the
     * expulsion too (the rules ask for it, and a request without it is refused naming it).
     */
    expelledFromBarOnNegativeGrounds: z.boolean().optional(),
    advocateLicenceRevoked: z.boolean(),
  }),
  quorum: consistent(z.strictObject({ membersTotal, membersPresent: count }), [presentWithinTotal as Check<{ membersTotal: number; membersPresent: number }>]),
  decision: consistent(z.strictObject({ ...vote, presidingVote: z.enum(PRESIDING_VOTES) }), [
    presentWithinTotal,
    votesWithinPresent,
    presidingVoteCounted('for', 'votesFor', {
      kk: 'төрағалық етуші «жақ» дауыс берсе, «жақ» дауыстар саны кемінде бір болуы керек',
      ru: 'если председательствующий голосовал «за», голосов «за» должно быть не меньше одного',
      en: "is 'for', so votesFor must be at least 1",
    }),
    presidingVoteCounted('against', 'votesAgainst', {
      kk: 'төрағалық етуші «қарсы» дауыс берсе, «қарсы» дауыстар саны кемінде бір болуы керек',
      ru: 'если председательствующий голосовал «против», голосов «против» должно быть не меньше одного',
      en: "is 'against', so votesAgainst must be at least 1",
    }),
    presidingVoteCounted('abstain', 'abstained', {
      kk: 'төрағалық етуші қалыс қалса, қалыс қалғандар саны кемінде бір болуы керек',
      ru: 'если председательствующий воздержался, воздержавшихся должно быть не меньше одного',
      en: "is 'abstain', so abstained must be at least 1",
    }),
  ]),
  'termination-vote': consistent(z.strictObject(vote), [presentWithinTotal, votesWithinPresent]),
  // p32: `seats` are the Council's seats counted like `membersTotal` (with the Chairperson when
  // the reading members.chairpersonCounts counts them): "full membership" may mean every seat filled.
  dissolution: consistent(z.strictObject({ ...vote, seats: membersTotal }), [
    presentWithinTotal,
    votesWithinPresent,
    {
      field: 'membersTotal',
      code: 'more-members-than-seats',
      message: {
        kk: 'мүшелер саны Үйлестіру кеңесіндегі орындар санынан аспауы керек',
        ru: 'членов не может быть больше, чем мест в совете',
        en: 'cannot exceed the seats of the Council (seats)',
      },
      holds: (f) => f.membersTotal <= f.seats,
    },
  ]),
  'extraordinary-meeting': consistent(z.strictObject({ membersTotal, membersDemanding: count }), [
    {
      field: 'membersDemanding',
      code: 'more-demanding-than-members',
      message: {
        kk: 'талап етуші мүшелер саны Үйлестіру кеңесі мүшелерінің санынан аспауы керек',
        ru: 'требующих не может быть больше, чем членов совета',
        en: 'cannot exceed the number of members (membersTotal)',
      },
      holds: (f) => f.membersDemanding <= f.membersTotal,
    },
  ]),
  // p10: every ballot cast, those of them cast blank (no choice), and the candidate's votes.
  election: consistent(z.strictObject({ ballotsCast: count, blankBallots: count, votesForCandidate: count }), [
    {
      field: 'blankBallots',
      code: 'more-blank-than-ballots',
      message: {
        kk: 'бос бюллетеньдер саны берілген бюллетеньдер санынан аспауы керек',
        ru: 'пустых бюллетеней не может быть больше, чем поданных',
        en: 'cannot exceed the ballots cast (ballotsCast)',
      },
      holds: (f) => f.blankBallots <= f.ballotsCast,
    },
    {
      field: 'votesForCandidate',
      code: 'more-votes-than-ballots',
      message: {
        kk: 'кандидатқа берілген дауыстар таңдау жасалған бюллетеньдер санынан аспауы керек',
        ru: 'голосов за кандидата не может быть больше, чем бюллетеней с выбором',
        en: 'cannot exceed the ballots cast with a choice (ballotsCast − blankBallots)',
      },
      holds: (f) => f.votesForCandidate <= f.ballotsCast - f.blankBallots,
    },
  ]),
  // p18: the ground (its subpoint, 1–7) and whether the Council adopted a termination vote (p25),
  // which the grounds of termination.decisionGrounds need.
  'member-termination': z.strictObject({ ground: z.int().min(1).max(7), terminationVoteAdopted: z.boolean() }),
  // p12 (2019 wording): renunciation (a circumstance casts doubt on the member's impartiality and
  // the member renounces membership) or notice (the member leaves by notifying the Commissioner).
  leaving: z.strictObject({ kind: z.enum(['renunciation', 'notice']) }),
  // p14.6: what the plan's visits cost and the budget allocated for its period, in tiyn (exact integers).
  'visit-plan': z.strictObject({ totalTiyn: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER), budgetTiyn: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
} satisfies Record<Question, z.ZodObject>;

/** The fact names a question takes (the rule documents may reference only these). */
export function factNames(question: Question): string[] {
  return Object.keys(FACTS[question].shape);
}
