import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { appointmentsOf } from "./mine.js";
import { myAppointmentsPath } from "./paths.js";
import { AppointmentTable } from "./views/MyAppointments.js";

/** My Hukoomi's "appointments" section: the visits still ahead (held and booked), with a link to all (earlier ones too). */
export function appointmentDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const { locale, tr } = request;
    const { upcoming, past } = await appointmentsOf(db, userId, new Date());
    if (!upcoming.length && !past.length) return {};
    return {
      appointments: (
        <>
          {upcoming.length ? (
            <AppointmentTable items={upcoming} caption={tr.t("myAppointments.upcoming.caption")} />
          ) : (
            <p class="empty-state">{tr.t("myAppointments.upcoming.empty")}</p>
          )}
          <p>
            <a href={localizePath(locale, myAppointmentsPath)}>{tr.t("myAppointments.all")}</a>
          </p>
        </>
      ),
    };
  };
}
