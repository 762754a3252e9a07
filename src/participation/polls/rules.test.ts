import { describe, expect, it } from "vitest";
import { checkChoices, mostChoices, resultsInApi, resultsShownOnPage } from "./rules.js";

const options = [{ id: "a" }, { id: "b" }, { id: "c" }];
const single = { multiple: false, maxChoices: null };
const upToTwo = { multiple: true, maxChoices: 2 };

describe("checkChoices", () => {
  it("takes one known option in a single-choice poll, several up to the maximum in a multiple one", () => {
    expect(checkChoices(single, options, "b")).toEqual({ ids: ["b"] });
    expect(checkChoices(upToTwo, options, ["a", "c"])).toEqual({ ids: ["a", "c"] });
    expect(checkChoices(upToTwo, options, ["a", "a"])).toEqual({ ids: ["a"] });
  });

  it("refuses none, unknown options, and too many, each with its message", () => {
    expect(checkChoices(single, options, undefined)).toEqual({ problem: { key: "participation.polls.errors.chooseOne" } });
    expect(checkChoices(upToTwo, options, "")).toEqual({ problem: { key: "participation.polls.errors.chooseSome" } });
    expect(checkChoices(single, options, "z")).toEqual({ problem: { key: "participation.polls.errors.unknown" } });
    expect(checkChoices(single, options, ["a", "b"])).toEqual({ problem: { key: "participation.polls.errors.onlyOne" } });
    expect(checkChoices(upToTwo, options, ["a", "b", "c"])).toEqual({
      problem: { key: "participation.polls.errors.tooMany", values: { max: 2 } },
    });
  });

  it("allows every option when a multiple-choice poll sets no maximum", () => {
    expect(mostChoices({ multiple: true, maxChoices: null }, 3)).toBe(3);
    expect(mostChoices(single, 3)).toBe(1);
  });
});

describe("when results are shown", () => {
  it("on the page: after voting for after-vote polls, to everyone once closed", () => {
    const afterVote = { showResults: "after-vote" };
    const afterClose = { showResults: "after-close" };
    expect(resultsShownOnPage(afterVote, "open", false)).toBe(false);
    expect(resultsShownOnPage(afterVote, "open", true)).toBe(true);
    expect(resultsShownOnPage(afterClose, "open", true)).toBe(false);
    expect(resultsShownOnPage(afterClose, "closed", false)).toBe(true);
    expect(resultsShownOnPage(afterVote, "scheduled", true)).toBe(false);
  });

  it("in the API: closed polls, and open after-vote polls", () => {
    expect(resultsInApi({ showResults: "after-vote" }, "open")).toBe(true);
    expect(resultsInApi({ showResults: "after-close" }, "open")).toBe(false);
    expect(resultsInApi({ showResults: "after-close" }, "closed")).toBe(true);
    expect(resultsInApi({ showResults: "after-vote" }, "scheduled")).toBe(false);
  });
});
