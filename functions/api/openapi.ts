import { handle } from '../http/handle.ts';
import { openApiDocument } from './openapi-document.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './openapi.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /v1/openapi.json: generated once per function instance. */
export const openapi = handle('openapi', async function serveOpenApi() {
  document ??= openApiDocument();
  return { json: document };
});


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
