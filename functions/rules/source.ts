import { storedLaw } from './amendments.ts';
import type { LawDocument } from './document.ts';
import { buildLaw, type Law } from './law.ts';
import type { LawStore, StoredLaw } from './store.ts';

/** The law a function answers by, and the stored record it was built from (none when read from files). */
export type LawEdition = { key: string; law: Law; stored?: StoredLaw };

export type LawSourceOptions = {
  /** The stored law; without one (no table configured) the law is read from `files`. */
  store?: Pick<LawStore, 'head' | 'load'>;
  /** The law as rules/ gives it: the seed, and the law while the table holds none. */
  files: () => LawDocument;
  /** How long a function trusts its cached law before it reads the head again (0: every call). */
  revalidateSeconds: () => number;
  /** Milliseconds, for tests. */
  clock?: () => number;
};

export type LawSource = { edition(): Promise<LawEdition>; law(): Promise<Law>; forget(): void };

/**
 * The law with a short revalidation, so that a running function takes a newly published
 * version without a redeploy: at most every `revalidateSeconds` it reads the law head (one
 * small GetItem), and only when the head's list of versions changed does it load and build the
 * law again. An unchanged head keeps the very same Law object, so the Engines cached for it
 * (engine.ts, keyed by the Law) stay valid between publications.
 *
 * @example
 * const source = lawSource({ store, files: () => readRulesDir(dir), revalidateSeconds: () => 30 });
 * await evaluate(await source.law(), request);
 */
export function lawSource(options: LawSourceOptions): LawSource {
  const clock = options.clock ?? Date.now;
  let cached: LawEdition | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<LawEdition> | undefined;

  const fromFiles = (): LawEdition => (cached?.key === FILES ? cached : { key: FILES, law: buildLaw(options.files()) });

  async function revalidate(): Promise<LawEdition> {
    const head = options.store ? await options.store.head() : undefined;
    if (!head) cached = fromFiles();
    else if (cached?.key !== keyOf(head.versions)) {
      const stored = await options.store!.load();
      cached = stored ? { key: keyOf(stored.head.versions), law: storedLaw(stored), stored } : fromFiles();
    }
    checkedAt = clock();
    return cached!;
  }

  async function edition(): Promise<LawEdition> {
    if (cached && clock() - checkedAt < options.revalidateSeconds() * 1000) return cached;
    // Concurrent requests of one instance share one read of the head.
    pending ??= revalidate().finally(() => (pending = undefined));
    return pending;
  }

  return {
    edition,
    law: async () => (await edition()).law,
    /** After this instance changed the law itself: read the head on the next call. */
    forget: () => void (checkedAt = Number.NEGATIVE_INFINITY),
  };
}

const FILES = '(rules/ files)';
const keyOf = (versions: readonly string[]) => versions.join(' ');

/**
 * `KENES_LAW_REVALIDATE_SECONDS` (default 30): how stale a function's law may be after a
 * publication elsewhere. Tests set 0.
 */
export function revalidateSecondsFromEnv(): number {
  const value = Number(process.env.KENES_LAW_REVALIDATE_SECONDS ?? 30);
  return Number.isFinite(value) && value >= 0 ? value : 30;
}
