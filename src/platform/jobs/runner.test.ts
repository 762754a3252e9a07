import { describe, expect, it } from "vitest";
import { JOB_ORDER } from "../../server.js";
import { JobRunner } from "./runner.js";

describe("the job runner", () => {
  it("starts and stops jobs in the order it is given, whatever the order they register in; others follow", async () => {
    const seen: string[] = [];
    const runner = new JobRunner(["first", "second", "last"]);
    for (const name of ["last", "unnamed", "second", "first"]) {
      runner.register({ name, start: () => void seen.push(`start ${name}`), stop: async () => void seen.push(`stop ${name}`) });
    }
    expect(runner.names).toEqual(["first", "second", "last", "unnamed"]);
    runner.startAll();
    await runner.stopAll();
    expect(seen).toEqual([
      ...["first", "second", "last", "unnamed"].map((n) => `start ${n}`),
      ...["first", "second", "last", "unnamed"].map((n) => `stop ${n}`),
    ]);
  });

  it("writes the page views a last time after every other job has stopped", () => {
    expect(JOB_ORDER.at(-1)).toBe("page views, last flush");
    expect(JOB_ORDER[0]).toBe("sandbox gateway");
  });
});
