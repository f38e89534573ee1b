// One cold start, in a fresh `node` process (plain JS: no tsx loader in the measured time).
// argv: <module file> <export> <event JSON>. Measures import + first invocation, as Lambda's
// init + first request, and reports the milliseconds (and the status) to the parent over IPC.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [file, name, eventJson] = process.argv.slice(2);
const start = performance.now();
const module = await import(pathToFileURL(file).href);
const imported = performance.now();
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 };
const result = await module[name](JSON.parse(eventJson), context);
const done = performance.now();
process.send({ importMs: imported - start, firstMs: done - imported, totalMs: done - start, status: result?.statusCode ?? 200 }, () => process.exit(0));
