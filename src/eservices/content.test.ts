import { describe, expect, it } from "vitest";
import { loadCatalogueContent } from "../catalogue/content/load.js";
import { contradictions } from "../forms/engine/facts.js";
import { messageOf } from "../forms/problems.js";
import { translator } from "../platform/i18n/messages.js";
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

  it("agree with the facts their catalogue services state (fee, uploads, working days, who may apply)", () => {
    const services = new Map(
      loadCatalogueContent().agencies.flatMap(({ agency, services: list }) =>
        list.map((s) => [s.slug, { agency: agency.slug, channels: s.channels, facts: s.facts, start: s.start }] as const),
      ),
    );
    const tr = translator("en");
    const found: string[] = [];
    for (const def of loadDefinitionFiles()) {
      const service = services.get(def.service);
      if (!service) {
        found.push(`${def.slug}: no catalogue service ${def.service}`);
        continue;
      }
      if (!service.start || !("eservice" in service.start) || service.start.eservice !== def.slug)
        found.push(`${def.slug}: ${def.service} does not start it`);
      if (!service.facts) found.push(`${def.slug}: ${def.service} states no facts`);
      for (const p of contradictions(service, def)) found.push(`${def.slug}: ${messageOf(tr, p)}`);
    }
    expect(found).toEqual([]);
  });
});
