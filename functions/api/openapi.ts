import { handle } from '../http/handle.ts';
import { openApiDocument } from './openapi-document.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /v1/openapi.json: generated once per function instance. */
export const openapi = handle('openapi', async function serveOpenApi() {
  document ??= openApiDocument();
  return { json: document };
});
