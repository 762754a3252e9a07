/**
 * The part of Solr's query language CKAN clients send in package_search's
 * `q` and `fq`: words and "phrases", field:value, field:"phrase",
 * field:(a OR b), ranges field:[A TO B] / {A TO B} with * and NOW date
 * maths, *:*, +required, -excluded, NOT, AND, OR and parentheses.
 *
 * Clauses side by side are all required (CKAN sends q.op=AND). OR binds
 * tighter than that, so the harvester's `organization:a OR organization:b
 * metadata_modified:[X TO *]` reads as (a OR b) AND modified-since, which is
 * what it means. (The lucene npm parser reads `a OR b c` as a OR (b AND c),
 * hence this small parser.)
 */

export type QueryNode =
  | { kind: "all" }
  | { kind: "and"; items: QueryNode[] }
  | { kind: "or"; items: QueryNode[] }
  | { kind: "not"; item: QueryNode }
  | { kind: "term"; field: string | null; value: string; phrase: boolean }
  | { kind: "range"; field: string | null; from: string; to: string; fromInclusive: boolean; toInclusive: boolean };

/** A query Solr would refuse (bad syntax, a field it does not know): CKAN answers a Search Error. */
export class QuerySyntaxError extends Error {}

type Token =
  | { t: "word"; v: string }
  | { t: "phrase"; v: string }
  | { t: "range"; from: string; to: string; fromInclusive: boolean; toInclusive: boolean }
  | { t: "("; prefix: string }
  | { t: ")" }
  | { t: "op"; v: "AND" | "OR" | "NOT" }
  | { t: "mod"; v: "+" | "-" };

const SPECIAL = new Set(["(", ")", '"', "[", "{", " ", "\t", "\n", "\r"]);

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    let v = "";
    i++;
    while (i < input.length && input[i] !== '"') {
      if (input[i] === "\\" && i + 1 < input.length) i++;
      v += input[i];
      i++;
    }
    if (input[i] !== '"') throw new QuerySyntaxError("unterminated phrase");
    i++;
    return v;
  };
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === ")") {
      out.push({ t: ")" });
      i++;
      continue;
    }
    if ((c === "+" || c === "-" || c === "!") && i + 1 < input.length && !/\s/.test(input[i + 1] as string)) {
      out.push(c === "!" ? { t: "op", v: "NOT" } : { t: "mod", v: c });
      i++;
      continue;
    }
    if (c === "&" && input[i + 1] === "&") {
      out.push({ t: "op", v: "AND" });
      i += 2;
      continue;
    }
    if (c === "|" && input[i + 1] === "|") {
      out.push({ t: "op", v: "OR" });
      i += 2;
      continue;
    }
    if (c === '"') {
      out.push({ t: "phrase", v: readQuoted() });
      continue;
    }
    if (c === "[" || c === "{") {
      const end = input.slice(i).search(/[\]}]/);
      if (end < 0) throw new QuerySyntaxError("unterminated range");
      const inner = input.slice(i + 1, i + end).trim();
      const m = /^(\S+)\s+TO\s+(\S+)$/.exec(inner);
      if (!m) throw new QuerySyntaxError("a range is [from TO to]");
      out.push({
        t: "range",
        from: (m[1] as string).replace(/^"|"$/g, ""),
        to: (m[2] as string).replace(/^"|"$/g, ""),
        fromInclusive: c === "[",
        toInclusive: input[i + end] === "]",
      });
      i += end + 1;
      continue;
    }
    if (c === "(") {
      out.push({ t: "(", prefix: "" });
      i++;
      continue;
    }
    // A word, up to a space or a bracket; "field:" followed by a phrase, range or group stays joined.
    let v = "";
    while (i < input.length && !SPECIAL.has(input[i] as string)) {
      if (input[i] === "\\" && i + 1 < input.length) {
        v += input[i + 1];
        i += 2;
        continue;
      }
      v += input[i];
      i++;
    }
    if (v === "AND" || v === "OR" || v === "NOT") out.push({ t: "op", v });
    else if (v.endsWith(":") && i < input.length && input[i] === "(") {
      out.push({ t: "(", prefix: v.slice(0, -1) });
      i++;
    } else out.push({ t: "word", v });
  }
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  parse(): QueryNode {
    const node = this.conjunction(null);
    if (this.at < this.tokens.length) throw new QuerySyntaxError("unbalanced parentheses");
    return node;
  }

  /** Clauses side by side or joined by AND: all required. */
  private conjunction(field: string | null): QueryNode {
    const items: QueryNode[] = [];
    for (;;) {
      const next = this.peek();
      if (!next || next.t === ")") break;
      if (next.t === "op" && next.v === "AND") {
        this.at++;
        continue;
      }
      items.push(this.disjunction(field));
    }
    if (items.length === 0) throw new QuerySyntaxError("empty query");
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "and", items };
  }

  private disjunction(field: string | null): QueryNode {
    const items = [this.unary(field)];
    for (;;) {
      const next = this.peek();
      if (!(next?.t === "op" && next.v === "OR")) break;
      this.at++;
      items.push(this.unary(field));
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "or", items };
  }

  private unary(field: string | null): QueryNode {
    const next = this.peek();
    if (next?.t === "mod") {
      this.at++;
      const item = this.unary(field);
      return next.v === "-" ? { kind: "not", item } : item;
    }
    if (next?.t === "op" && next.v === "NOT") {
      this.at++;
      return { kind: "not", item: this.unary(field) };
    }
    return this.primary(field);
  }

  private primary(field: string | null): QueryNode {
    const token = this.tokens[this.at++];
    if (!token) throw new QuerySyntaxError("the query ends too soon");
    switch (token.t) {
      case "(": {
        const inner = this.conjunction(token.prefix || field);
        if (this.tokens[this.at++]?.t !== ")") throw new QuerySyntaxError("unbalanced parentheses");
        return inner;
      }
      case "phrase":
        return { kind: "term", field, value: token.v, phrase: true };
      case "range":
        return { kind: "range", field, ...rangeOf(token) };
      case "word":
        return this.word(token.v, field);
      default:
        throw new QuerySyntaxError("unexpected operator");
    }
  }

  /** A word, or field:value, field:"phrase", field:[range]. */
  private word(v: string, field: string | null): QueryNode {
    if (v === "*:*" || (v === "*" && field === null)) return { kind: "all" };
    const colon = v.indexOf(":");
    if (colon <= 0) return { kind: "term", field, value: v, phrase: false };
    const name = v.slice(0, colon);
    const rest = v.slice(colon + 1);
    if (rest) return { kind: "term", field: name, value: rest, phrase: false };
    const next = this.tokens[this.at];
    if (next?.t === "phrase") {
      this.at++;
      return { kind: "term", field: name, value: next.v, phrase: true };
    }
    if (next?.t === "range") {
      this.at++;
      return { kind: "range", field: name, ...rangeOf(next) };
    }
    throw new QuerySyntaxError(`no value for ${name}`);
  }
}

function rangeOf(token: Extract<Token, { t: "range" }>) {
  return { from: token.from, to: token.to, fromInclusive: token.fromInclusive, toInclusive: token.toInclusive };
}

/** Parses a q or fq string; an empty one matches everything. */
export function parseQuery(input: string): QueryNode {
  const trimmed = input.trim();
  if (!trimmed || trimmed === '""' || trimmed === "''") return { kind: "all" };
  return new Parser(tokenize(trimmed)).parse();
}

const UNITS: Record<string, number> = { YEAR: 0, MONTH: 0, DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000 };

/** A Solr date: an ISO instant (fractions beyond milliseconds dropped) or NOW with maths (NOW-7DAYS, NOW/DAY). */
export function solrDate(value: string, now = new Date()): number {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.(\d+))?)?))?Z?$/.exec(value);
  if (iso) {
    const fraction = (iso[3] ?? "").slice(0, 3).padEnd(3, "0");
    const time = iso[2] ? `${iso[2].length === 5 ? `${iso[2]}:00` : iso[2].slice(0, 8)}.${fraction}` : "00:00:00.000";
    const ms = Date.parse(`${iso[1]}T${time}Z`);
    if (!Number.isNaN(ms)) return ms;
  }
  const m = /^NOW((?:[+-]\d+[A-Z]+|\/[A-Z]+)*)$/.exec(value);
  if (!m) throw new QuerySyntaxError(`Invalid Date String:'${value}'`);
  const d = new Date(now);
  for (const step of (m[1] ?? "").match(/[+-]\d+[A-Z]+|\/[A-Z]+/g) ?? []) {
    const unit = step.replace(/^[+-]?\/?\d*/, "").replace(/S$/, "");
    if (!(unit in UNITS)) throw new QuerySyntaxError(`Invalid Date Math String:'${value}'`);
    if (step.startsWith("/")) {
      const parts: [number, number, number, number, number, number] = [
        d.getUTCFullYear(),
        unit === "YEAR" ? 0 : d.getUTCMonth(),
        ["YEAR", "MONTH"].includes(unit) ? 1 : d.getUTCDate(),
        ["YEAR", "MONTH", "DAY"].includes(unit) ? 0 : d.getUTCHours(),
        ["YEAR", "MONTH", "DAY", "HOUR"].includes(unit) ? 0 : d.getUTCMinutes(),
        unit === "SECOND" ? d.getUTCSeconds() : 0,
      ];
      d.setTime(Date.UTC(...parts));
      continue;
    }
    const n = Number.parseInt(step, 10);
    if (unit === "YEAR") d.setUTCFullYear(d.getUTCFullYear() + n);
    else if (unit === "MONTH") d.setUTCMonth(d.getUTCMonth() + n);
    else d.setTime(d.getTime() + n * (UNITS[unit] as number));
  }
  return d.getTime();
}
