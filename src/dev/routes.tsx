import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { Table } from "../platform/design/Table.js";
import { formatDateTime } from "../platform/i18n/format.js";
import { recentDevMessages } from "../platform/messaging/senders.js";

/**
 * The development outbox: email and text messages the portal would have
 * sent, when no mail server or SMS provider is configured. Not served in
 * production.
 */
export async function devRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get("/dev/messages", async (request, reply) => {
    const messages = await recentDevMessages(db);
    const { tr, locale } = request;
    return reply.header("cache-control", "no-store").page({
      title: tr.t("dev.messages.title"),
      body: (
        <div>
          <h1 class="heading-xl">{tr.t("dev.messages.title")}</h1>
          <p class="lead">{tr.t("dev.messages.lead")}</p>
          <Table
            caption={tr.t("dev.messages.caption")}
            columns={[
              { label: tr.t("dev.messages.when") },
              { label: tr.t("dev.messages.channel") },
              { label: tr.t("dev.messages.to") },
              { label: tr.t("dev.messages.message") },
            ]}
            rows={messages.map((m) => [
              formatDateTime(m.createdAt, locale),
              // The channel's name in the page's language ("email" and "sms" as stored).
              tr.has(`dev.messages.channels.${m.channel}`) ? tr.t(`dev.messages.channels.${m.channel}`) : m.channel,
              <bdi dir="ltr" key="to">
                {m.recipient}
              </bdi>,
              <div key="body">
                {m.subject ? <strong>{m.subject}</strong> : null}
                <pre class="dev-message">{m.body}</pre>
              </div>,
            ])}
          />
        </div>
      ),
      noindex: true,
      hideFeedback: true,
    });
  });
}
