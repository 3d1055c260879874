import { defineConfig } from 'vitest/config';

// Suites: pure rules (unit), the real server over HTTP and socket.io (integration), the server
// under failure (fault), and React components in a simulated DOM (client). `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Faults: the real server under failure (a database that freezes or goes down on its own
        // PostgreSQL cluster, crashes, hostile input, load).
        test: {
          name: 'fault',
          include: ['tests/fault/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/client/setup.ts'],
          // Rendering tests wait on timers and async effects; on a busy 2-core machine 5 s is tight.
          testTimeout: 30_000,
        },
      },
      {
        // Every page in Chromium against the production build: axe, layout at four widths, console.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
