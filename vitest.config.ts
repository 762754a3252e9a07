import { defineConfig } from "vitest/config";

/** Unit tests beside the code, integration tests (HTTP and a real database) in test/integration. */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
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
