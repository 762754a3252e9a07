import { describe, expect, it } from "vitest";
import { slugPattern, slugSchema } from "./slug.js";

describe("the one slug schema", () => {
  it("writes the patterns the routes and content files used", () => {
    expect(slugPattern().source).toBe("^[a-z0-9-]+$");
    expect(slugPattern({ max: 60 }).source).toBe("^[a-z0-9-]{1,60}$");
    expect(slugPattern({ first: "letter", max: 41 }).source).toBe("^[a-z][a-z0-9-]{0,40}$");
    expect(slugPattern({ first: "alphanumeric", max: 81 }).source).toBe("^[a-z0-9][a-z0-9-]{0,80}$");
    expect(slugPattern({ words: true }).source).toBe("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    expect(slugPattern({ first: "alphanumeric", slashes: true }).source).toBe("^[a-z0-9][a-z0-9/-]*$");
  });

  it("keeps hyphens between words when asked, within the longest length", () => {
    const schema = slugSchema({ words: true, max: 12 });
    expect(schema.safeParse("renew-permit").success).toBe(true);
    expect(schema.safeParse("2024-figures").success).toBe(true);
    for (const refused of ["-renew", "renew-", "renew--permit", "", "renew-permits"]) {
      expect(schema.safeParse(refused).success).toBe(false);
    }
  });

  it("allows a page's path when asked", () => {
    const pattern = slugPattern({ first: "alphanumeric", slashes: true });
    expect(pattern.test("about/contact")).toBe(true);
    expect(pattern.test("/about")).toBe(false);
  });

  it("accepts lower-case words joined by hyphens and refuses anything else, with the form's message", () => {
    const schema = slugSchema({ first: "letter", max: 41, message: "form.slug" });
    expect(schema.safeParse("renew-residence-permit").success).toBe(true);
    expect(schema.safeParse("1-renew").success).toBe(false);
    expect(schema.safeParse("Renew").success).toBe(false);
    expect(schema.safeParse(`a${"b".repeat(41)}`).success).toBe(false);
    expect(schema.safeParse("a/b").error?.issues[0]?.message).toBe("form.slug");
  });
});
