import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { z } from "zod";
import type { AuditEntry } from "../audit/log.js";
import { auditedBy } from "../audit/log.js";
import { fieldErrors } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { localizePath } from "../platform/i18n/locales.js";

export interface AdminPage {
  status?: number;
  /** Catalogue key of the page's title, or the title itself when `titleText` is set. */
  title: string;
  /** Steps between "Administration" and this page. */
  trail?: { label: string; path?: string }[];
  errors?: FieldError[];
  body: ComponentChildren;
}

/** Renders an administration page: never cached, never indexed, the error prefix in the title when a form was refused. */
export function adminPage(request: FastifyRequest, reply: FastifyReply, page: AdminPage) {
  const { tr } = request;
  const home = tr.t("admin.title");
  const isHome = page.title === home;
  return reply.page({
    status: page.status ?? (page.errors?.length ? 400 : 200),
    title: page.errors?.length ? tr.t("errors.titlePrefix", { title: page.title }) : page.title,
    breadcrumbs: isHome ? [{ label: home }] : [{ label: home, path: "/admin" }, ...(page.trail ?? []), { label: page.title }],
    body: page.body,
    noindex: true,
    hideFeedback: true,
  });
}

/** After a change: back to a page with a banner saying what was done (post, redirect, get). */
export function doneRedirect(request: FastifyRequest, reply: FastifyReply, path: string, done: string) {
  return reply.redirect(`${localizePath(request.locale, path)}?done=${done}`, 303);
}

/** A refused form's messages, in the person's language. */
export function formErrors(request: FastifyRequest, error: z.ZodError): FieldError[] {
  return fieldErrors(error, request.tr);
}

/** What was typed, to show again on a refused form. */
export function typedValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => k !== "_csrf" && typeof v === "string") as [string, string][],
  );
}

/** An audit entry for an administrator's change. */
export function adminAudit(request: FastifyRequest, entry: Omit<AuditEntry, "actor" | "requestId">): AuditEntry {
  return { ...auditedBy(request), ...entry };
}
