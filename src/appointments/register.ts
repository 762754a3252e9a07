import type { FastifyInstance } from "fastify";
import type { Notifier } from "../notifications/notifier.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import { Bookings, type Tell } from "./booking.js";
import { deskRoutes } from "./desk/routes.js";
import { AppointmentJobs } from "./jobs.js";
import { myAppointmentRoutes } from "./my-routes.js";
import { AppointmentReminders } from "./reminders.js";
import { chooseRoutes } from "./routes/choose.js";
import { confirmRoutes } from "./routes/confirm.js";

/** What the server hands from appointments to other areas: My Hukoomi's appointments section, and what tells people of bookings. */
export { appointmentDashboard } from "./dashboard.js";
export { appointmentTell } from "./notices.js";

export interface AppointmentsDeps {
  db: Db;
  config: Pick<Config, "JOBS_INTERVAL_SECONDS" | "BASE_URL">;
  jobs: JobRunner;
  /** Writes the reminders (email and text messages through the outbox). */
  notifier: Notifier;
  /** Tells people of their bookings (confirmation, moves, closures, offers from the waiting list). */
  tell?: Tell;
}

/** How often, at most, holds nobody confirmed are let go (they are also let go whenever someone takes their place). */
const HOLD_SWEEP_SECONDS = 60;

/**
 * Appointments at agencies' service centres: the booking service, its
 * pages and API, the job that lets lapsed holds go and the reminders' job.
 * Gives back the booking service for the areas that book a visit as a step
 * (e-services).
 */
export async function register(app: FastifyInstance, deps: AppointmentsDeps): Promise<{ bookings: Bookings }> {
  const bookings = new Bookings(deps.db, deps.tell);
  const jobs = new AppointmentJobs(bookings, app.log);
  const every = deps.config.JOBS_INTERVAL_SECONDS === 0 ? 0 : Math.min(HOLD_SWEEP_SECONDS, deps.config.JOBS_INTERVAL_SECONDS);
  deps.jobs.register({ name: "appointment holds", start: () => jobs.start(every), stop: () => jobs.stop() });
  app.decorate("appointmentJobs", jobs);
  // The booking journey: a centre, a day, a time; hold, check and confirm.
  await inEachLanguage(app, chooseRoutes, { db: deps.db, bookings });
  await inEachLanguage(app, confirmRoutes, { db: deps.db, bookings });
  const reminders = new AppointmentReminders(deps.db, deps.notifier, app.log, () => bookings.now());
  deps.jobs.register({
    name: "appointment reminders",
    start: () => reminders.start(deps.config.JOBS_INTERVAL_SECONDS),
    stop: () => reminders.stop(),
  });
  app.decorate("appointmentReminders", reminders);
  await inEachLanguage(app, myAppointmentRoutes, { bookings, baseUrl: deps.config.BASE_URL });
  // The agencies' desk: their centres' days, check-in, no-shows, closing a day.
  await inEachLanguage(app, deskRoutes, { db: deps.db, bookings });
  return { bookings };
}

declare module "fastify" {
  interface FastifyInstance {
    appointmentJobs: AppointmentJobs;
    /** The day-before and two-hours-before reminders; tests run a pass with runOnce(). */
    appointmentReminders: AppointmentReminders;
  }
}
