import { describe, expect, it } from "vitest";
import { parseQuery, QuerySyntaxError, solrDate } from "./query.js";

describe("the Solr query subset", () => {
  it("reads side-by-side clauses as all required and OR as binding tighter", () => {
    expect(parseQuery("organization:a OR organization:b metadata_modified:[2024-01-01T00:00:00.123456Z TO *]")).toEqual({
      kind: "and",
      items: [
        {
          kind: "or",
          items: [
            { kind: "term", field: "organization", value: "a", phrase: false },
            { kind: "term", field: "organization", value: "b", phrase: false },
          ],
        },
        {
          kind: "range",
          field: "metadata_modified",
          from: "2024-01-01T00:00:00.123456Z",
          to: "*",
          fromInclusive: true,
          toInclusive: true,
        },
      ],
    });
  });

  it("reads exclusions, phrases, groups under a field and match-all", () => {
    expect(parseQuery("-organization:x")).toEqual({
      kind: "not",
      item: { kind: "term", field: "organization", value: "x", phrase: false },
    });
    expect(parseQuery('title:"page views"')).toEqual({ kind: "term", field: "title", value: "page views", phrase: true });
    expect(parseQuery("+state:(active OR draft)")).toEqual({
      kind: "or",
      items: [
        { kind: "term", field: "state", value: "active", phrase: false },
        { kind: "term", field: "state", value: "draft", phrase: false },
      ],
    });
    expect(parseQuery("*:*")).toEqual({ kind: "all" });
    expect(parseQuery("")).toEqual({ kind: "all" });
    expect(parseQuery("e-government")).toEqual({ kind: "term", field: null, value: "e-government", phrase: false });
  });

  it("refuses broken syntax", () => {
    for (const bad of ['title:"open', "(a OR b", "a OR b)", "name:", "x:[1 2]", "AND"]) {
      expect(() => parseQuery(bad), bad).toThrow(QuerySyntaxError);
    }
  });

  it("reads ISO instants and NOW date maths", () => {
    const now = new Date("2026-03-15T10:20:30.400Z");
    expect(solrDate("2024-01-01T10:00:00.123456Z")).toBe(Date.parse("2024-01-01T10:00:00.123Z"));
    expect(solrDate("2024-01-01")).toBe(Date.parse("2024-01-01T00:00:00Z"));
    expect(solrDate("NOW", now)).toBe(now.getTime());
    expect(solrDate("NOW-1DAY", now)).toBe(Date.parse("2026-03-14T10:20:30.400Z"));
    expect(solrDate("NOW/DAY", now)).toBe(Date.parse("2026-03-15T00:00:00Z"));
    expect(solrDate("NOW/MONTH+1MONTH", now)).toBe(Date.parse("2026-04-01T00:00:00Z"));
    expect(() => solrDate("yesterday")).toThrow(QuerySyntaxError);
    expect(() => solrDate("NOW-1FORTNIGHT")).toThrow(QuerySyntaxError);
  });
});
