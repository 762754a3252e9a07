import { describe, expect, it } from "vitest";
import { answerSchema, commentSchema } from "./schemas.js";

describe("feedback schemas", () => {
  it("accepts a local page and yes or no", () => {
    expect(answerSchema.parse({ page: "/about/history", helpful: "yes" })).toEqual({ page: "/about/history", helpful: "yes" });
  });

  it("refuses other sites, missing pages and other answers, naming catalogue keys", () => {
    for (const page of ["//evil.example", "https://evil.example", "about", "/a b", undefined]) {
      const r = answerSchema.safeParse({ page, helpful: "yes" });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("feedback.errors.page");
    }
    expect(answerSchema.safeParse({ page: "/", helpful: "maybe" }).error?.issues[0]?.message).toBe("feedback.errors.helpful");
    expect(answerSchema.safeParse({ page: `/${"a".repeat(600)}`, helpful: "no" }).success).toBe(false);
  });

  it("trims comments, removes control characters and limits length", () => {
    expect(commentSchema.parse({ comment: "  واضح\u0000 جداً \n" }).comment).toBe("واضح جداً");
    expect(commentSchema.safeParse({ comment: "   " }).error?.issues[0]?.message).toBe("feedback.errors.commentMissing");
    expect(commentSchema.safeParse({ comment: "x".repeat(1201) }).error?.issues[0]?.message).toBe(
      "feedback.errors.commentTooLong",
    );
    expect(commentSchema.safeParse({ comment: "ض".repeat(1200) }).success).toBe(true);
  });
});
