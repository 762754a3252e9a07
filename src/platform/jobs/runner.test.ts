import { describe, expect, it } from "vitest";
import { JobRunner } from "./runner.js";

describe("the job runner", () => {
  it("starts every registered job once, and stops them in the order they registered, waiting for each", async () => {
    const said: string[] = [];
    const runner = new JobRunner();
    for (const name of ["a", "b"]) {
      runner.register({
        name,
        start: () => said.push(`start ${name}`),
        stop: async () => {
          await new Promise((r) => setTimeout(r, name === "a" ? 20 : 0));
          said.push(`stop ${name}`);
        },
      });
    }
    runner.startAll();
    runner.startAll();
    expect(said).toEqual(["start a", "start b"]);
    runner.register({ name: "late", start: () => said.push("start late"), stop: () => void said.push("stop late") });
    expect(said).toEqual(["start a", "start b", "start late"]);
    await runner.stopAll();
    expect(said.slice(3)).toEqual(["stop a", "stop b", "stop late"]);
    expect(runner.names).toEqual(["a", "b", "late"]);
  });
});

describe("the job runner's order", () => {
  it("starts and stops the jobs it names in its order, whatever the order they registered in, then the others", async () => {
    const said: string[] = [];
    const runner = new JobRunner(["first", "second"]);
    for (const name of ["other", "second", "another", "first"]) {
      runner.register({ name, start: () => said.push(`start ${name}`), stop: () => void said.push(`stop ${name}`) });
    }
    expect(runner.names).toEqual(["first", "second", "other", "another"]);
    runner.startAll();
    await runner.stopAll();
    expect(said).toEqual([
      "start first",
      "start second",
      "start other",
      "start another",
      "stop first",
      "stop second",
      "stop other",
      "stop another",
    ]);
  });
});
