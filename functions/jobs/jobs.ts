/**
 * Every scheduled function, as data: the CDK stack schedules each one with EventBridge and
 * `npm run job -- <id>` runs the very same handler export locally.
 */
export type Job = {
  id: string;
  /** Handler module, relative to `functions/`. */
  module: string;
  handler: string;
  /** EventBridge schedule expression (UTC). */
  schedule: string;
  table: 'read' | 'write';
  summary: string;
  /** It e-mails people: Amazon SES to send, and Cognito to find their address by user id (infra/constructs/kenes-jobs.ts). */
  mail?: boolean;
};

export const jobs = [
  {
    id: 'term-expiry',
    module: 'jobs/term-expiry.ts',
    handler: 'termExpiry',
    schedule: 'cron(0 1 * * ? *)',
    table: 'write',
    summary: 'Daily: flags terms ending within a month with no election scheduled, closes ended terms (p11)',
  },
  {
    id: 'quarterly',
    module: 'jobs/quarterly.ts',
    handler: 'quarterly',
    schedule: 'cron(0 2 * * ? *)',
    table: 'write',
    summary: 'Daily: flags a quarter with no meeting held and warns ahead of its end (p20)',
  },
  {
    id: 'notify',
    module: 'jobs/notify.ts',
    handler: 'notify',
    schedule: 'rate(15 minutes)',
    table: 'write',
    mail: true,
    summary: "Every 15 minutes: each person's new to-dos become notifications in their outbox, once; e-mailed through Amazon SES when configured",
  },
] as const satisfies readonly Job[];
