import { sourceConditions } from '@ilms/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: sourceConditions },
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
