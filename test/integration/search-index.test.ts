import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories, services } from "../../src/catalogue/tables.js";
import { loadContentPages } from "../../src/pages/content.js";
import type { Db } from "../../src/platform/db/client.js";
import { bumpVersion } from "../../src/platform/db/versions.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
let db: Db;
const pages = loadContentPages();
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  db = t.db.database.db;
  // Services written long ago, each an hour before the next, so that a change reads only what was written since.
  await db.execute(sql`update services set updated_at = now() - (id * interval '1 hour')`);
});
afterAll(() => t.close());

const queries = [
  "تجديد الإقامة",
  "رخصة القيادة",
  "تصريح",
  "quokka",
  "exit permit",
  "visa",
  "driving licence",
  "birth certificate",
  "electricity",
  "وزارة الداخلية",
  "تأشيرة زيارة",
  "passport",
];

function answers(index: SearchIndex) {
  return queries.map((q) => {
    const out = index.engine.search(q, {}, { offset: 0, limit: 20 });
    return { q, total: out.total, hits: out.hits.map((h) => `${h.doc.id} ${h.score}`) };
  });
}

async function freshAnswers() {
  const fresh = new SearchIndex(db, pages);
  await fresh.rebuild();
  return { answers: answers(fresh), documents: fresh.engine.documentCount };
}

describe("the search index follows catalogue changes in place", () => {
  it("reads only the services written since, and answers as a fresh build", async () => {
    const index = new SearchIndex(db, pages);
    await index.rebuild();
    const published = (await db.select({ id: services.id }).from(services).where(eq(services.published, true))).length;
    expect(index.lastBuild?.services).toBe(published);

    const change = async (write: () => Promise<unknown>) => {
      await write();
      await bumpVersion(db, "catalogue");
      expect(await index.refreshIfChanged()).toBe(true);
      const fresh = await freshAnswers();
      expect(index.engine.documentCount).toBe(fresh.documents);
      expect(answers(index)).toEqual(fresh.answers);
    };

    // An edit: one service's title.
    await change(() =>
      db
        .update(services)
        .set({ titleEn: "Apply for a quokka exit permit", updatedAt: new Date() })
        .where(eq(services.slug, "apply-for-exit-permit")),
    );
    // The edited service, and the one written within a minute of the latest write before it.
    expect(index.lastBuild?.services).toBeLessThanOrEqual(2);
    expect(index.engine.search("quokka").hits[0]?.doc.slug).toBe("apply-for-exit-permit");

    // A withdrawal, then a publication with a new summary.
    await change(() =>
      db.update(services).set({ published: false, updatedAt: new Date() }).where(eq(services.slug, "renew-residence-permit")),
    );
    expect(index.lastBuild?.services).toBeLessThanOrEqual(3);
    expect(index.engine.finds("service", "renew-residence-permit")).toBe(false);
    await change(() =>
      db
        .update(services)
        .set({ published: true, summaryEn: "Renew your quokka residence permit online", updatedAt: new Date() })
        .where(eq(services.slug, "renew-residence-permit")),
    );
    expect(index.engine.finds("service", "renew-residence-permit")).toBe(true);

    // A new service.
    await change(async () => {
      const [row] = await db.select().from(services).where(eq(services.slug, "apply-for-exit-permit"));
      if (!row) throw new Error("no exit permit service");
      const { id: _id, ...copy } = row;
      await db.insert(services).values({
        ...copy,
        slug: "apply-for-quokka-permit",
        titleEn: "Apply for a quokka permit",
        titleAr: "طلب تصريح كوكا",
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    });
    expect(index.lastBuild?.services).toBeLessThanOrEqual(5);
    expect(index.engine.finds("service", "apply-for-quokka-permit")).toBe(true);

    // A category's name is in every one of its services' text: the whole catalogue is read again.
    await change(async () => {
      const [category] = await db.select().from(categories).limit(1);
      if (!category) throw new Error("no category");
      await db
        .update(categories)
        .set({ nameEn: `${category.nameEn} quokka` })
        .where(eq(categories.slug, category.slug));
    });
    expect(index.lastBuild?.services).toBe(published + 1);
  });
});
