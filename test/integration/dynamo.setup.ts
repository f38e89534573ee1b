import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../infra/local/dynamo.ts';

/** One DynamoDB Local per test run, in memory; each test file creates its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
