import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` is pure and runs in seconds; `integration` gets one DynamoDB Local
 * per run (test/integration/dynamo.setup.ts) and the local server; `browser` drives the forms
 * in Debian's Chromium against the local server; `infra` synthesises the
 * CDK stack (forks pool: NodejsFunction bundling fails under threads).
 */
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/dynamo.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/integration/dynamo.setup.ts'],
          // A journey walks several people's sessions through many pages: generous on a loaded machine.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
