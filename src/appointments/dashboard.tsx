import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { appointmentsOf } from "./mine.js";
import { myAppointmentsPath } from "./paths.js";
import { AppointmentTable } from "./views/MyAppointments.js";

/** My Hukoomi's "appointments" section: the visits still ahead (held and booked), with a link to all. */
export function appointmentDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const { locale, tr } = request;
    const { upcoming } = await appointmentsOf(db, userId, new Date(), "upcoming");
    if (!upcoming.length) return {};
    return {
      appointments: (
        <>
          <AppointmentTable items={upcoming} caption={tr.t("myAppointments.upcoming.caption")} />
          <p>
            <a href={localizePath(locale, myAppointmentsPath)}>{tr.t("myAppointments.all")}</a>
          </p>
        </>
      ),
    };
  };
}
