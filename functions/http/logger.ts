import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. It logs route ids, status codes and error names only: never a body, a
 * name, a fact about a person or a ballot choice. Level: `POWERTOOLS_LOG_LEVEL` (tests: SILENT).
 */
export const logger = new Logger({ serviceName: 'kenes' });
