import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { z } from "zod";
import { requireViewer } from "../accounts/sessions.js";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { countNotifications, markRead, notificationsOf } from "./repository.js";
import { NotificationList, NotificationsPage } from "./views.js";

const PAGE_SIZE = 20;
const LATEST = 5;

/** My notifications: everything the portal told the person, in their language of the moment. */
export async function notificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get("/my/notifications", { preHandler: requireViewer }, async (request, reply) => {
    const userId = request.viewer?.id ?? "";
    const page = z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .catch(1)
      .parse((request.query as Record<string, unknown>).page);
    const [items, counts] = await Promise.all([
      notificationsOf(db, userId, PAGE_SIZE, (page - 1) * PAGE_SIZE),
      countNotifications(db, userId),
    ]);
    const html = reply.page({
      title: request.tr.t("notifications.title"),
      breadcrumbs: [{ label: request.tr.t("accounts.my.title"), path: "/my" }, { label: request.tr.t("notifications.title") }],
      body: <NotificationsPage items={items} page={page} pageCount={Math.max(1, Math.ceil(counts.total / PAGE_SIZE))} />,
      noindex: true,
    });
    // Shown now, so no longer new (the page above was rendered with them still marked).
    await markRead(db, userId);
    return html;
  });
}

/** My Hukoomi's "notifications" section: the latest few, and the way to all of them. */
export function notificationDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const items = await notificationsOf(db, userId, LATEST);
    if (!items.length) return {};
    return {
      notifications: (
        <>
          <NotificationList items={items} />
          <p>
            <a href={localizePath(request.locale, "/my/notifications")}>{request.tr.t("notifications.all")}</a>
          </p>
        </>
      ),
    };
  };
}
