import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. It logs route ids, status codes and error names only: never a body, a
 * name, a fact about a person or a ballot choice.
 */
export const logger = new Logger({ serviceName: 'kenes', logLevel: process.env.KENES_LOG_LEVEL ?? 'INFO' });
