import { describe, expect, it } from "vitest";
import { loadDefinitionFiles } from "./content.js";

describe("definitions", () => {
  it("ships eight demo e-services that pass the schema", () => {
    const defs = loadDefinitionFiles();
    expect(defs.map((d) => d.slug)).toEqual(
      expect.arrayContaining([
        "residence-permit-renewal",
        "exit-permit",
        "medical-commission-appointment",
        "customs-duty-calculation",
        "visitor-visa",
        "commercial-registration",
        "labour-complaint",
        "suggestion-or-complaint",
      ]),
    );
  });
});
