import type { FastifyInstance } from "fastify";
import { BadRequestError, HttpError } from "../http/errors.js";

export const CSP_REPORT_PATH = "/csp-report";

/** Largest report accepted; browsers send a few hundred bytes. */
const REPORT_LIMIT = 16 * 1024;
const RATE_LIMIT = { max: 30, timeWindow: "1 minute" };
/** Longest address written to the log. */
const SHOWN = 200;
/** Reports logged from one Reporting API batch. */
const BATCH = 10;

const TYPES = ["application/csp-report", "application/reports+json"] as const;

interface Violation {
  directive: string;
  blockedUri: string;
  documentUri: string;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.slice(0, SHOWN) : "";
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `report-uri`: { "csp-report": { "violated-directive", "blocked-uri", … } }. */
function fromCspReport(body: unknown): Violation[] {
  const report = record(record(body)?.["csp-report"]);
  if (!report) return [];
  return [
    {
      directive: text(report["effective-directive"]) || text(report["violated-directive"]),
      blockedUri: text(report["blocked-uri"]),
      documentUri: text(report["document-uri"]),
    },
  ];
}

/** The Reporting API (`report-to`): [{ type: "csp-violation", body: { effectiveDirective, blockedURL, … } }]. */
function fromReportsJson(body: unknown): Violation[] {
  if (!Array.isArray(body)) return [];
  return body
    .map(record)
    .filter((r) => r?.type === "csp-violation")
    .slice(0, BATCH)
    .map((r) => {
      const b = record(r?.body) ?? {};
      return { directive: text(b.effectiveDirective), blockedUri: text(b.blockedURL), documentUri: text(b.documentURL) };
    });
}

/**
 * Browsers' reports of what the Content-Security-Policy blocked, logged as
 * warnings (directive and addresses, shortened). Only the two report types,
 * 16 KB at most, limited per address; answered with 204.
 */
export async function cspReportRoutes(app: FastifyInstance) {
  // This plugin's own parsers: forms and JSON posted here are refused with 415.
  app.removeAllContentTypeParsers();
  for (const type of TYPES) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit: REPORT_LIMIT }, (_request, body, done) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch {
        done(new BadRequestError(), undefined);
      }
    });
  }

  app.post(CSP_REPORT_PATH, { bodyLimit: REPORT_LIMIT, config: { rateLimit: RATE_LIMIT } }, async (request, reply) => {
    const type = String(request.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (!TYPES.some((t) => t === type)) throw new HttpError(415, "errors.unsupportedMediaType.message");
    const violations = type === "application/csp-report" ? fromCspReport(request.body) : fromReportsJson(request.body);
    if (violations.length === 0) throw new BadRequestError();
    for (const v of violations) request.log.warn({ csp: v }, "content security policy violation");
    return reply.code(204).header("cache-control", "no-store").send();
  });
}
