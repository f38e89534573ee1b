import type { MeetingDeps } from '../meetings/deps.ts';
import type { PersonStore, ReadStore } from './store.ts';

/** What the read models need: the council's stores and the law (for a meeting's quorum), and the lists by pages. */
export type ReadDeps = MeetingDeps & { reads: ReadStore };

/** The person's own routes and the `notify` job: the read models, and the person's own partition. */
export type PersonDeps = ReadDeps & { person: PersonStore };
