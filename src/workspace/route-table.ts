import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { z } from "zod";
import { requireViewer } from "../accounts/sessions.js";
import type { UploadRule } from "../forms/upload.js";
import type { Db } from "../platform/db/client.js";
import { HttpError } from "../platform/http/errors.js";
import { slugPattern } from "../platform/http/slug.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { stripControlCharacters } from "../platform/text/clean.js";
import { contentKinds } from "./kinds/index.js";
import type { ContentNotices } from "./notices.js";

/**
 * The content workspace's routes as a table (who may use each), its address
 * and form schemas, and the small readers its handlers share.
 */
export interface WorkspaceRouteOptions {
  db: Db;
  storage: FileStorage;
  /** Tells approvers and editors of review steps (left out in tests that look at the workflow alone). */
  notices?: ContentNotices;
}

/** Who may use a route: any staff member, anyone who works on some agency's content, that agency's editors and approvers, or its approvers. */
/** What each group of the workspace's handlers (handlers/) is given: the plugin's options, and `route`, which registers a route of the table with its guard. */
export interface WorkspaceHandlers extends WorkspaceRouteOptions {
  route(method: WorkspaceRoute["method"], path: string, handler: RouteHandlerMethod): void;
}

export type RouteAccess = "staff" | "content" | "edit" | "approve";

export interface WorkspaceRoute {
  method: "GET" | "POST";
  path: string;
  access: RouteAccess;
}

export const ITEM = "/workspace/content/:agency/:kind/:slug";

/**
 * Every route of the workspace (each also under /en). The plugin registers
 * only routes named here, and the access-control test walks this table, so a
 * route cannot be added without being checked.
 */
export const workspaceRouteTable: readonly WorkspaceRoute[] = [
  { method: "GET", path: "/workspace", access: "staff" },
  { method: "GET", path: "/workspace/content", access: "content" },
  { method: "GET", path: "/workspace/content/:agency/:kind", access: "edit" },
  { method: "GET", path: "/workspace/content/:agency/:kind/new", access: "edit" },
  { method: "POST", path: "/workspace/content/:agency/:kind/new", access: "edit" },
  { method: "GET", path: ITEM, access: "edit" },
  { method: "POST", path: ITEM, access: "edit" },
  { method: "GET", path: `${ITEM}/preview`, access: "edit" },
  { method: "GET", path: `${ITEM}/file`, access: "edit" },
  { method: "POST", path: `${ITEM}/submit`, access: "edit" },
  { method: "POST", path: `${ITEM}/return`, access: "approve" },
  { method: "POST", path: `${ITEM}/publish`, access: "approve" },
  { method: "POST", path: `${ITEM}/unpublish/confirm`, access: "approve" },
  { method: "POST", path: `${ITEM}/unpublish`, access: "approve" },
  { method: "GET", path: `${ITEM}/versions`, access: "edit" },
  { method: "POST", path: `${ITEM}/restore`, access: "edit" },
];

export const slug = z
  .string()
  .max(100)
  .regex(slugPattern({ words: true }));
export const kindParams = z.object({ agency: slug, kind: z.enum(contentKinds.map((k) => k.name) as [string, ...string[]]) });
export const itemParams = kindParams.extend({ slug });
export const versionsQuery = z.object({
  from: z
    .union([z.literal("draft"), z.coerce.number().int().min(1).max(1_000_000)])
    .optional()
    .catch(undefined),
  to: z
    .union([z.literal("draft"), z.coerce.number().int().min(1).max(1_000_000)])
    .optional()
    .catch(undefined),
});
export const doneQuery = z.object({ done: z.string().max(20).optional().catch(undefined) });
export const doneSteps = ["created", "saved", "submitted", "returned", "published", "scheduled", "unpublished", "restored"];

/** Largest downloadable form accepted. */
export const MAX_FORM_BYTES = 10 * 1024 * 1024;
/** A downloadable form, as the one upload check takes it: a PDF by its bytes, of at most MAX_FORM_BYTES. */
export const FORM_UPLOAD: UploadRule = { maxBytes: MAX_FORM_BYTES, accept: ["pdf"] };
export const LONG_TEXT = 2_000;

/** Sent when someone signed out (or whose session ended) posts a form: nothing is done. */
export async function signedInForPost(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.viewer) throw new HttpError(401, "workspace.errors.signIn");
  await requireViewer(request, reply);
}

export const textOfForm = (fields: Record<string, string | string[]>, name: string): string => {
  const v = fields[name];
  return stripControlCharacters(typeof v === "string" ? v : (v?.[0] ?? "")).trim();
};

export const safeFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? "form.pdf").replace(/[^\p{L}\p{N}._ -]/gu, "").slice(0, 120) || "form.pdf";
