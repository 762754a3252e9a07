import { defineConfig } from "vitest/config";

/** Unit tests beside the code, integration tests (HTTP and a real database) in test/integration. */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    // Two files at a time (vitest's default on a 2-core machine is one worker): files spend much of their time
    // waiting (the PostgreSQL server, portals of their own, timers), so two keep both cores busy; each file still
    // has a database of its own, copied from the run's templates.
    maxWorkers: 2,
    // Builds each file's database from templates made once per run (test/support/templates.ts).
    globalSetup: ["test/support/global-setup.ts"],
    // Some tests build a second portal of their own (a fresh database) inside the test; on a busy 2-core
    // machine that alone can take longer than half a minute. A hang still fails, later.
    testTimeout: 120_000,
    // A demo app is built in each file's beforeAll (and the first file builds the run's templates); on a busy
    // 2-core machine that alone can take a minute.
    hookTimeout: 180_000,
  },
});
