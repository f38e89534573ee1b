/**
 * The law from the command line (`npm run rules -- …`): the same JSON as the API.
 *
 *   evaluate --question decision --at 2020-01-01 --facts '{"membersTotal":11,…}' [--param decision.majorityBase=present]
 *   versions [--at 2020-01-01]
 *   either: [--rules <dir>] (default: KENES_RULES_DIR or the repository's rules/)
 *
 * Errors print `{ error: { code, message, field?, details?, reasons? } }` and exit 1.
 */
import { parseArgs } from 'node:util';
import { today } from '../clock.ts';
import { InvalidInputError, KenesError } from '../errors.ts';
import { buildLaw, defaultRulesDir, evaluate, listVersions, readRulesDir } from './index.ts';

async function main(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      question: { type: 'string' },
      at: { type: 'string' },
      facts: { type: 'string' },
      param: { type: 'string', multiple: true },
      rules: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (command !== 'evaluate' && command !== 'versions') throw usage(command);
  const law = buildLaw(readRulesDir(values.rules ?? defaultRulesDir()));
  const at = values.at ?? today();
  if (command === 'versions') return { at, versions: listVersions(law, at) };
  return evaluate(law, { question: values.question ?? '', at, facts: json(values.facts ?? '{}') }, { parameters: overrides(values.param ?? []) });
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError([{ field: 'facts', code: 'malformed-json', message: { kk: 'жарамды JSON емес', ru: 'не является корректным JSON', en: 'is not valid JSON' } }]);
  }
}

/** `--param name=value`: true/false become booleans, anything else stays a word. */
function overrides(params: string[]): Record<string, unknown> {
  return Object.fromEntries(
    params.map((p) => {
      const [name, ...rest] = p.split('=');
      const value = rest.join('=');
      return [name, value === 'true' ? true : value === 'false' ? false : value];
    }),
  );
}

function usage(command: string | undefined): InvalidInputError {
  const text = 'evaluate --question <q> --at <YYYY-MM-DD> --facts <json> [--param name=value] | versions [--at <YYYY-MM-DD>]';
  return new InvalidInputError([
    { field: 'command', code: 'unknown-command', message: { kk: `${command ?? ''}: пайдалану: ${text}`, ru: `${command ?? ''}: использование: ${text}`, en: `${command ?? ''}: usage: ${text}` } },
  ]);
}

try {
  process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)), null, 2)}\n`);
} catch (error) {
  if (!(error instanceof KenesError)) throw error;
  const { code, text: message, field, details, reasons } = error;
  process.stdout.write(`${JSON.stringify({ error: { code, message, field, details, reasons } }, null, 2)}\n`);
  process.exitCode = 1;
}
