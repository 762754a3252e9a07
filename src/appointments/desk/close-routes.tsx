import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireRole } from "../../accounts/guards.js";
import { problemMessage } from "../../forms/problems.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import { dohaToday } from "../../platform/time/doha.js";
import { activeBookingsOn } from "../centres.js";
import type { Centre } from "../repository.js";
import { auditDesk, centreFor, centreParams, deskPaths, readDay } from "./context.js";
import type { DeskOptions } from "./routes.js";
import { CloseConfirmPage, ClosePage, type CloseValues } from "./views/ClosePages.js";

const REASON_MAX = 200;

/**
 * Closing a centre for a day (a power cut, works, an unplanned holiday) and
 * reopening a day closed by mistake. Who: the agency's officers, the people
 * who run the centre's desk and must act on the day itself, often when no
 * content approver is at hand; every closure and reopening is in the audit
 * log, a confirm step says how many visits it cancels, and each person is
 * told (Bookings.closeDay's `tell`). Planned holidays are published with the
 * centre in the workspace, where they are reviewed.
 */
export async function closeRoutes(app: FastifyInstance, { db, bookings }: DeskOptions) {
  const officer = { preHandler: requireRole("officer") };
  const officerPost = { preHandler: [...requireRole("officer"), app.csrfProtection] };

  const centreOf = async (request: FastifyRequest) =>
    centreFor(db, request, parseOrRefuse(centreParams, request.params, { notFound: true }).centre);

  function read(request: FastifyRequest): { values: CloseValues; day?: string; errors: FieldError[] } {
    const body = formBody(request.body);
    const text = (name: string) =>
      stripControlCharacters(String(body[name] ?? ""))
        .trim()
        .slice(0, 2 * REASON_MAX);
    const values = { day: text("day").slice(0, 40), reasonAr: text("reasonAr"), reasonEn: text("reasonEn") };
    const errors: FieldError[] = [];
    const day = readDay(values.day);
    const refuse = (field: string, key: string) => errors.push(problemMessage(request.tr, { field, key }));
    if (!day) refuse("day", "centreStaff.errors.day");
    else if (day < dohaToday(bookings.now())) refuse("day", "centreStaff.errors.pastDay");
    if (!values.reasonAr || values.reasonAr.length > REASON_MAX) refuse("reasonAr", "centreStaff.errors.reasonAr");
    if (!values.reasonEn || values.reasonEn.length > REASON_MAX) refuse("reasonEn", "centreStaff.errors.reasonEn");
    return { values, ...(day ? { day } : {}), errors };
  }

  function closePage(request: FastifyRequest, reply: FastifyReply, centre: Centre, values: CloseValues, errors: FieldError[]) {
    const { tr, locale } = request;
    const title = tr.t("centreStaff.close.title", { centre: centre.name[locale] });
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [
        { label: tr.t("workspace.home.title"), path: "/workspace" },
        { label: tr.t("centreStaff.home.title"), path: deskPaths.home },
        { label: centre.name[locale], path: deskPaths.day(centre.slug, dohaToday(bookings.now())) },
        { label: tr.t("centreStaff.close.crumb") },
      ],
      body: <ClosePage centre={centre} values={values} errors={errors} />,
      noindex: true,
      hideFeedback: true,
    });
  }

  app.get("/workspace/appointments/:centre/close", officer, async (request, reply) => {
    const centre = await centreOf(request);
    const asked = readDay((request.query as Record<string, unknown>).day);
    return closePage(request, reply, centre, { day: asked ?? "", reasonAr: "", reasonEn: "" }, []);
  });

  // Closing cancels people's visits: the form comes here first, to say how many and ask again.
  app.post("/workspace/appointments/:centre/close/confirm", officerPost, async (request, reply) => {
    const centre = await centreOf(request);
    const { values, day, errors } = read(request);
    if (errors.length || !day) return closePage(request, reply, centre, values, errors);
    // The people told: booked visits (a place someone is still choosing is let go without a word).
    const count = await activeBookingsOn(db, centre.id, day, ["booked"]);
    const title = request.tr.t("centreStaff.close.confirmTitle", { centre: centre.name[request.locale] });
    return reply.page({
      title,
      backLink: localizePath(request.locale, deskPaths.close(centre.slug)),
      body: <CloseConfirmPage centre={centre} day={day} values={values} count={count} title={title} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/workspace/appointments/:centre/close", officerPost, async (request, reply) => {
    const centre = await centreOf(request);
    const { values, day, errors } = read(request);
    if (errors.length || !day) return closePage(request, reply, centre, values, errors);
    await bookings.closeDay(
      centre,
      day,
      { ar: values.reasonAr, en: values.reasonEn },
      auditDesk(
        request,
        {
          action: "appointment.day-closed",
          objectType: "appointment-centre",
          objectId: centre.slug,
          agency: centre.agency,
          after: { day, reason: { ar: values.reasonAr, en: values.reasonEn } },
        },
        (cancelled) => ({ cancelled: cancelled.map((b) => b.reference) }),
      ),
    );
    return reply.redirect(`${localizePath(request.locale, deskPaths.day(centre.slug, day))}?done=closed`, 303);
  });

  app.post("/workspace/appointments/:centre/reopen", officerPost, async (request, reply) => {
    const centre = await centreOf(request);
    const day = readDay(formBody(request.body).day);
    if (!day)
      return closePage(request, reply, centre, { day: "", reasonAr: "", reasonEn: "" }, [
        problemMessage(request.tr, { field: "day", key: "centreStaff.errors.day" }),
      ]);
    await bookings.reopenDay(
      centre,
      day,
      auditDesk(request, {
        action: "appointment.day-reopened",
        objectType: "appointment-centre",
        objectId: centre.slug,
        agency: centre.agency,
        after: { day },
      }),
    );
    return reply.redirect(`${localizePath(request.locale, deskPaths.day(centre.slug, day))}?done=reopened`, 303);
  });
}
