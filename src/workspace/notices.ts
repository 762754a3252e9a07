import { findUser, usersWithRole } from "../accounts/service.js";
import { agencyName } from "../catalogue/service.js";
import type { Notifier } from "../notifications/notifier.js";
import type { NotificationValues } from "../notifications/service.js";
import type { Db } from "../platform/db/client.js";
import { bilingualOf } from "./fields.js";
import type { Item } from "./repository.js";

/** Where a notice leads: the item in the workspace. */
export function itemPath(item: Pick<Item, "agency" | "kind" | "slug">): string {
  return `/workspace/content/${encodeURIComponent(item.agency)}/${item.kind}/${encodeURIComponent(item.slug)}`;
}

/**
 * Tells the people of the review loop what waits for them: an agency's
 * approvers when a draft is sent for review, and the editor who last saved
 * it when it is returned with comments or published. Recorded in the step's
 * own transaction, so a notice exists exactly when the step happened (and
 * its email goes through the outbox like every other message). Nobody is
 * told of their own step.
 */
export class ContentNotices {
  constructor(private readonly notifier: Notifier) {}

  /** The item's title and its agency's name, in both languages (the slug stands in for what is not written yet). */
  private async values(tx: Db, item: Item): Promise<NotificationValues> {
    const title = bilingualOf(item.draft, item.kind === "agency" ? "name" : "title");
    return { title: { ar: title.ar || item.slug, en: title.en || item.slug }, agency: await agencyName(tx, item.agency) };
  }

  async submitted(tx: Db, item: Item, by: string): Promise<void> {
    const values = await this.values(tx, item);
    for (const approver of await usersWithRole(tx, "approver", item.agency)) {
      if (approver.id !== by) await this.notifier.record(tx, approver, "content-submitted", values, itemPath(item));
    }
  }

  async returned(tx: Db, item: Item, comment: string, by: string): Promise<void> {
    await this.tellEditor(tx, item, by, "content-returned", { ...(await this.values(tx, item)), comment });
  }

  async published(tx: Db, item: Item, by: string): Promise<void> {
    await this.tellEditor(tx, item, by, "content-published", await this.values(tx, item));
  }

  private async tellEditor(
    tx: Db,
    item: Item,
    by: string,
    event: "content-returned" | "content-published",
    values: NotificationValues,
  ): Promise<void> {
    if (item.updatedBy === by) return;
    const editor = await findUser(tx, item.updatedBy);
    if (editor) await this.notifier.record(tx, editor, event, values, itemPath(item));
  }
}
