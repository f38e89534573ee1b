import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { handle } from '../http/handle.ts';
import { logger } from '../http/logger.ts';
import { diffVersions, publishAmendment, recordPublicationDate, seedLaw, withdrawVersion } from '../rules/index.ts';
import { currentLaw, forgetLaw } from './wiring.ts';
import { lawDeps } from './wiring-law.ts';
import { dispatch } from '../http/dispatch.ts';
import { dryRunDeps, launchDryRun } from '../jobs/dry-run.ts';
import { dryRunReport as reportOf, failDryRun, startDryRun } from '../rules/dry-run-job.ts';
import * as self from './law.ts';

/**
 * The administrators' side of the law: publish, dry-run, withdraw, the audit log, and the
 * diff between two versions. Thin: the domain (functions/rules/publication.ts) decides.
 */

/** POST /v1/rules/versions (admin): publish an amendment; 400 lists every problem. */
export const publish = handle('rules.publish', async ({ body, identity }) => {
  const publication = await publishAmendment(lawDeps(), body, identity!.sub);
  forgetLaw(); // this instance answers by the new law at once; the others within the revalidation
  return { status: 201, json: publication };
});

/**
 * POST /v1/rules/versions/dry-run (admin): checks the amendment (400), records the run and
 * launches the job that replays the decisions it can change: 202 with the run's id at once. A
 * launch that fails fails the run, so no run waits forever.
 */
export const dryRun = handle('rules.dryRun', async ({ body }) => {
  const deps = dryRunDeps();
  const run = await startDryRun(deps, body);
  if (run.status === 'running') await launchDryRun(run.id).catch(async (error: unknown) => Promise.reject((await failDryRun(deps, run, error), error)));
  return { status: 202, json: { id: run.id, status: run.status } };
});

/** GET /v1/rules/dry-runs/{runId} (admin): the run's progress, and its report once done. */
export const dryRunReport = handle('rules.dryRunReport', async ({ params, query }) => ({ json: await reportOf(dryRunDeps(), params.runId!, query.after ?? null) }));

/** POST /v1/rules/versions/{versionId}/withdrawal (admin): withdraw a mistaken version, with a reason. */
export const withdraw = handle('rules.withdraw', async ({ body, params, identity }) => {
  const withdrawal = await withdrawVersion(lawDeps(), params.versionId!, body.reason, identity!.sub);
  forgetLaw();
  return { status: 201, json: withdrawal };
});

/**
 * POST /v1/rules/versions/{versionId}/publication (admin): record the real publication date of a
 * version whose date was assumed (a correction, audited as `publication-date`; withdraw it like
 * any version). The version's dates follow it from then on.
 */
export const publicationDate = handle('rules.publicationDate', async ({ body, params, identity }) => {
  const publication = await recordPublicationDate(lawDeps(), params.versionId!, body, identity!.sub);
  forgetLaw();
  return { status: 201, json: publication };
});

/** GET /v1/rules/versions/{a}/diff/{b} (public): what differs between the law under a and under b. */
export const diff = handle('rules.diff', async ({ params }) => ({ json: diffVersions(await currentLaw(), params.a!, params.b!) }));

/** GET /v1/rules/audit (admin): every seeding, publication and withdrawal, with who and when. */
export const audit = handle('rules.audit', async () => ({ json: { entries: await lawDeps().store.audit() } }));

/**
 * The deploy-time seed (a CloudFormation custom resource, infra/constructs/kenes-law-seed.ts):
 * on create and update, writes the versions of the bundled rules/ that the table lacks; never
 * overwrites, never deletes (on delete the law stays in the retained table).
 */
export async function seedOnDeploy(event: CloudFormationCustomResourceEvent) {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const report = await seedLaw(lawDeps(), 'kenes deploy');
  logger.info('law seeded', { added: report.added, differing: report.differing });
  return {
    PhysicalResourceId: 'kenes-law-seed',
    Data: { added: report.added.join(' '), kept: report.kept.join(' '), differing: report.differing.join(' ') },
  };
}


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
