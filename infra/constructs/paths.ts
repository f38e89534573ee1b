import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Repository paths, resolved from this file's own location so `cdk synth` and the tests
 * give the same answer from any working directory.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const functionsDir = join(repoRoot, 'functions');
export const rulesDir = join(repoRoot, 'rules');
export const webDir = join(repoRoot, 'web');
export const lockFile = join(repoRoot, 'package-lock.json');

/** `term-expiry` → `TermExpiry`, `members.acceptLeaving` → `MembersAcceptLeaving`: construct ids. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
