import { fileURLToPath } from 'node:url';
import { sourceConditions } from '@ilms/vitest-config';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    conditions: sourceConditions,
    // The global setup is loaded outside the test environments and ignores export conditions,
    // so the workspace packages it reaches are pointed at their source explicitly.
    alias: [{ find: /^@ilms\/domain$/, replacement: source('./packages/domain/src/index.ts') }],
  },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ['{apps,packages}/*/src/**/*.test.ts', 'apps/*/e2e/**/*.test.ts'],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', '@ilms/vitest-config/summary-reporter'],
  },
});
