import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (unit, property, golden, integration) and `e2e` (real headless Chromium
// against `vite build` + `vite preview`, see tests/e2e/global-setup.ts). `npx vitest run` runs
// both; `npx vitest run --project unit` skips the browser and the e2e global setup (a project's
// globalSetup runs only when its tests run); `npm run test:e2e` runs the browser tests alone.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          hookTimeout: 60_000,
          // Each file drives its own Chromium; much of a page load is waiting (worker, wasm,
          // fetches), so two files at a time finish sooner even on 2 cores. A project with its
          // own maxWorkers needs its own group: the e2e files run after the others.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
