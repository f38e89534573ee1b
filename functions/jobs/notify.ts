import { today } from '../clock.ts';
import { meetingDeps } from '../api/wiring.ts';
import { notify as notifyAll } from '../reads/notify.ts';
import { dynamoPersonStore, dynamoReadStore } from '../store/reads.ts';
import { mailerFromEnv } from './mail.ts';
import { scheduled } from './scheduled.ts';

/**
 * Every 15 minutes: each person's new to-dos become notifications in their outbox, once; on AWS
 * with `KENES_SES_FROM` set, each is e-mailed through Amazon SES (functions/jobs/mail.ts).
 * Locally no e-mail goes out: the app shows the outbox (`npm run job -- notify`).
 */
export const notify = scheduled('notify', () =>
  notifyAll({ ...meetingDeps(), reads: dynamoReadStore(), person: dynamoPersonStore() }, mailerFromEnv(), today(), new Date(), process.env.KENES_WEB_URL),
);
