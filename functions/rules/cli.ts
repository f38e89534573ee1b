/**
 * The law from the command line (`npm run rules -- …`): the same JSON as the API.
 *
 *   evaluate --question decision --at 2020-01-01 --facts '{"membersTotal":11,…}' [--param decision.majorityBase=present]
 *   versions [--at 2020-01-01]
 *   diff <a> <b>
 *   publish <file.yaml|json> [--as <who>]        an amendment file (the body of POST /v1/rules/versions)
 *   dry-run <file.yaml|json>                     what it would change; nothing is written
 *   withdraw <versionId> --reason '{"kk":"…","ru":"…","en":"…"}' [--as <who>]
 *   publication-date <versionId> --on <YYYY-MM-DD> --in '{"kk":"…","ru":"…","en":"…"}' [--as <who>] [--dry-run]
 *                                                the real publication date of a version whose date was
 *                                                assumed, and where it was published (a correction:
 *                                                withdraw it like any version)
 *   readings                                     the table of the readings (open questions), as the README shows it
 *   audit
 *   seed                                         rules/ into the table (idempotent; npm start does it)
 *   compile                                      rules/ (or --rules) to functions/rules/law-document.json, the
 *                                                law the functions bundle (precompiled.ts); commit it
 *
 * Where the law is: the table of a running `npm start` (its DynamoDB Local), else the table named
 * by KENES_TABLE (with AWS credentials, or KENES_DYNAMO_ENDPOINT), else — for evaluate, versions
 * and diff only — the files of `--rules <dir>` (default KENES_RULES_DIR or the repository's rules/).
 *
 * Errors print `{ error: { code, message, field?, details?, reasons? } }` and exit 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { IsoDate } from '../api/schemas.ts';
import { today } from '../clock.ts';
import { InvalidInputError, KenesError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { TABLE_NAME_ENV } from '../store/table.ts';
import type { Text } from '../text.ts';
import { Amendment, LawText } from './document.ts';
import { buildLaw, defaultRulesDir, diffVersions, evaluate, readRulesDir, versionHistory, type LawEdition } from './index.ts';

const USAGE =
  'evaluate --question <q> --at <YYYY-MM-DD> --facts <json> [--param name=value] | versions [--at <YYYY-MM-DD>] | diff <a> <b> | ' +
  "publish <file> [--as <who>] | dry-run <file> | withdraw <versionId> --reason '<json kk/ru/en>' [--as <who>] | " +
  "publication-date <versionId> --on <YYYY-MM-DD> --in '<json kk/ru/en>' [--as <who>] [--dry-run] | readings | audit | seed | compile";

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
      as: { type: 'string' },
      reason: { type: 'string' },
      on: { type: 'string' },
      in: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [command, ...args] = positionals;
  const at = values.at ?? today();
  const who = values.as ?? `cli:${userInfo().username}`;
  switch (command) {
    case 'evaluate': {
      const { law } = await edition(values.rules);
      return evaluate(law, { question: values.question ?? '', at, facts: json(values.facts ?? '{}', 'facts') }, { parameters: overrides(values.param ?? []) });
    }
    case 'versions': {
      const { law, stored } = await edition(values.rules);
      return { at, versions: versionHistory(law, stored, at) };
    }
    case 'diff':
      return diffVersions((await edition(values.rules)).law, required(args[0], 'a'), required(args[1], 'b'));
    case 'publish':
      return (await administration()).publishAmendment(await deps(), amendment(required(args[0], 'file')), who);
    case 'dry-run':
      return (await administration()).dryRunAmendment(await deps(), amendment(required(args[0], 'file')));
    case 'withdraw':
      return (await administration()).withdrawVersion(await deps(), required(args[0], 'versionId'), reason(values.reason), who);
    case 'publication-date': {
      const versionId = required(args[0], 'versionId');
      const input = { publishedOn: parse(IsoDate, values.on ?? '', 'on'), publishedIn: parse(LawText, json(values.in ?? '', 'in'), 'in') };
      const administer = await administration();
      return values['dry-run'] ? administer.dryRunPublicationDate(await deps(), versionId, input) : administer.recordPublicationDate(await deps(), versionId, input, who);
    }
    case 'readings':
      return (await import('./readings-table.ts')).readingsTable(values.rules);
    case 'audit':
      return { entries: await (await deps()).store.audit() };
    case 'seed':
      return (await administration()).seedLaw(await deps(), who);
    case 'compile': {
      const { PRECOMPILED_FILE } = await import('./precompiled.ts');
      const doc = readRulesDir(values.rules ?? defaultRulesDir());
      const text = `${JSON.stringify(doc)}\n`;
      writeFileSync(PRECOMPILED_FILE, text);
      return { written: fileURLToPath(PRECOMPILED_FILE), bytes: Buffer.byteLength(text), versions: doc.versions.length };
    }
    default:
      throw usage(command);
  }
}

/** Points the process at a table: a running `npm start`'s, or KENES_TABLE's. False when there is none. */
async function connect(): Promise<boolean> {
  if (process.env[TABLE_NAME_ENV]) return true;
  const { readState, useDynamo } = await import('../../infra/local/environment.ts');
  const running = readState();
  if (running) useDynamo(running.endpoint);
  return Boolean(running);
}

/** The law to answer by: the table's when there is one (and no --rules), else the files. */
async function edition(rules: string | undefined): Promise<LawEdition> {
  if (!rules && (await connect())) return (await import('../api/wiring.ts')).currentEdition();
  return { key: 'files', law: buildLaw(readRulesDir(rules ?? defaultRulesDir())) };
}

async function deps() {
  if (!(await connect()))
    throw new InvalidInputError([
      {
        field: 'table',
        code: 'no-table',
        message: {
          kk: 'Кесте жоқ: алдымен npm start іске қосыңыз немесе KENES_TABLE орнатыңыз',
          ru: 'Нет таблицы: запустите npm start или задайте KENES_TABLE',
          en: 'No table: start npm start first, or set KENES_TABLE (with AWS credentials)',
        },
      },
    ]);
  return (await import('../api/wiring-law.ts')).lawDeps();
}

const administration = () => import('./publication.ts');

/** An amendment file, YAML or JSON, checked like the body of POST /v1/rules/versions. */
function amendment(file: string) {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as Error).message;
    throw new InvalidInputError([{ field: 'file', code: 'unreadable', message: { kk: `оқылмады: ${why}`, ru: `не читается: ${why}`, en: `cannot be read: ${why}` } }]);
  }
  return parse(Amendment, data, 'body');
}

function reason(text: string | undefined): Text {
  return parse(LawText, json(text ?? '', 'reason'), 'reason');
}

function required(value: string | undefined, field: string): string {
  if (value) return value;
  throw usage(`(${field} missing)`);
}

function json(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError([{ field, code: 'malformed-json', message: { kk: 'жарамды JSON емес', ru: 'не является корректным JSON', en: 'is not valid JSON' } }]);
  }
}

/** `--param name=value`: true/false become booleans, a list (`[1,7]`) a list, anything else stays a word. */
function overrides(params: string[]): Record<string, unknown> {
  return Object.fromEntries(
    params.map((p) => {
      const [name, ...rest] = p.split('=');
      const value = rest.join('=');
      return [name, value === 'true' ? true : value === 'false' ? false : value.startsWith('[') ? json(value, `param.${name}`) : value];
    }),
  );
}

function usage(command: string | undefined): InvalidInputError {
  return new InvalidInputError([
    { field: 'command', code: 'unknown-command', message: { kk: `${command ?? ''}: пайдалану: ${USAGE}`, ru: `${command ?? ''}: использование: ${USAGE}`, en: `${command ?? ''}: usage: ${USAGE}` } },
  ]);
}

try {
  const result = await main(process.argv.slice(2));
  process.stdout.write(typeof result === 'string' ? `${result}\n` : `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  if (!(error instanceof KenesError)) throw error;
  const { code, text: message, field, details, reasons } = error;
  process.stdout.write(`${JSON.stringify({ error: { code, message, field, details, reasons } }, null, 2)}\n`);
  process.exitCode = 1;
}
