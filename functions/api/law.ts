import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { handle } from '../http/handle.ts';
import { logger } from '../http/logger.ts';
import { diffVersions, dryRunAmendment, publishAmendment, recordPublicationDate, seedLaw, withdrawVersion } from '../rules/index.ts';
import { currentLaw, forgetLaw, lawDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
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

/** POST /v1/rules/versions/dry-run (admin): what the amendment would change, with nothing written. */
export const dryRun = handle('rules.dryRun', async ({ body }) => ({ json: await dryRunAmendment(lawDeps(), body) }));

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
