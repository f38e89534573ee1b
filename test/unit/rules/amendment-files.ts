import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { Amendment, type AmendmentDoc } from '../../../functions/rules/document.ts';

/** The example amendments of test/integration/amendments/, parsed as an administrator's request would be. */
export function amendmentFile(name: string): AmendmentDoc {
  return Amendment.parse(amendmentJson(name));
}

/** The same file as plain JSON, as it is sent over HTTP. */
export function amendmentJson(name: string): Record<string, any> {
  return parseYaml(readFileSync(fileURLToPath(new URL(`../../integration/amendments/${name}`, import.meta.url)), 'utf8'));
}
