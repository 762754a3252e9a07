import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFeedback } from "../../src/feedback/tables.js";
import { createTestApp, postForm, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = () => t.db.database.db.select().from(pageFeedback);

describe("Is this page easy to understand?", () => {
  it("works as a plain form post: answer, then an optional comment", async () => {
    const answer = await postForm(t.app, "/en/feedback", undefined, { page: "/about/history", helpful: "no" });
    expect(answer.statusCode).toBe(303);
    const location = String(answer.headers.location);
    expect(location).toMatch(/^\/en\/feedback\/[0-9a-f-]{36}$/);
    const id = location.split("/").pop() ?? "";

    const [saved] = await t.db.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(saved).toMatchObject({ path: "/about/history", locale: "en", helpful: false, comment: null });

    const commentPage = await t.app.inject({ url: location });
    expect(commentPage.statusCode).toBe(200);
    expect(commentPage.body).toContain("Thank you for your feedback.");
    expect(commentPage.body).toContain('href="/en/about/history"');

    const comment = await postForm(t.app, location, undefined, { comment: "The dates are hard to follow." });
    expect(comment.statusCode).toBe(303);
    expect(comment.headers.location).toBe(`${location}?sent=1`);
    const [withComment] = await t.db.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(withComment?.comment).toBe("The dates are hard to follow.");

    const done = await t.app.inject({ url: `${location}?sent=1` });
    expect(done.body).toContain("Your comment has been sent");
    expect(done.body).not.toContain('name="comment"');
  });

  it("stores Arabic answers per page and language", async () => {
    const res = await postForm(t.app, "/feedback", undefined, { page: "/about", helpful: "yes" });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/feedback\//);
    const all = await rows();
    expect(all.some((r) => r.path === "/about" && r.locale === "ar" && r.helpful)).toBe(true);
  });

  it("answers in JSON for the script, without a reload", async () => {
    const res = await postForm(
      t.app,
      "/en/feedback",
      undefined,
      { page: "/contact", helpful: "yes" },
      { accept: "application/json" },
    );
    expect(res.statusCode).toBe(201);
    const { id, commentUrl } = res.json() as { id: string; commentUrl: string };
    expect(commentUrl).toBe(`/en/feedback/${id}`);
    const comment = await postForm(t.app, commentUrl, undefined, { comment: "Clear." }, { accept: "application/json" });
    expect(comment.statusCode).toBe(200);
    expect(comment.json()).toEqual({ id, status: "saved" });
  });

  it("refuses a post from another site, in the visitor's language, saving nothing, and takes one from the portal", async () => {
    const before = (await rows()).length;
    const fields = { page: "/about", helpful: "yes" };
    const crossSite = await postForm(t.app, "/feedback", undefined, fields, { "sec-fetch-site": "cross-site" });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain("أُرسل من موقع آخر");
    const sameSite = await postForm(t.app, "/en/feedback", undefined, fields, { "sec-fetch-site": "same-site" });
    expect(sameSite.statusCode).toBe(403);
    expect(sameSite.body).toContain("sent from another website");
    // A browser without Sec-Fetch-Site: its Origin, else its Referer, against the portal's address.
    const otherOrigin = await postForm(t.app, "/en/feedback", undefined, fields, { origin: "https://evil.example" });
    expect(otherOrigin.statusCode).toBe(403);
    const nullOrigin = await postForm(t.app, "/en/feedback", undefined, fields, { origin: "null" });
    expect(nullOrigin.statusCode).toBe(403);
    const otherReferer = await postForm(t.app, "/en/feedback", undefined, fields, { referer: "https://evil.example/page" });
    expect(otherReferer.statusCode).toBe(403);
    const json = await postForm(t.app, "/en/feedback", undefined, fields, {
      origin: "https://evil.example",
      accept: "application/json",
    });
    expect(json.statusCode).toBe(403);
    expect(json.json()).toMatchObject({ error: { status: 403 } });
    expect((await rows()).length).toBe(before);

    const sameOrigin = await postForm(t.app, "/en/feedback", undefined, fields, { "sec-fetch-site": "same-origin" });
    expect(sameOrigin.statusCode).toBe(303);
    const ownOrigin = await postForm(t.app, "/en/feedback", undefined, fields, {
      host: "portal.test",
      origin: "http://portal.test",
    });
    expect(ownOrigin.statusCode).toBe(303);
    const comment = await postForm(
      t.app,
      String(ownOrigin.headers.location),
      undefined,
      { comment: "From elsewhere" },
      {
        "sec-fetch-site": "cross-site",
      },
    );
    expect(comment.statusCode).toBe(403);
    expect((await rows()).length).toBe(before + 2);
  });

  it("refuses bad answers with a 400 and a message", async () => {
    const badPage = await postForm(t.app, "/en/feedback", undefined, {
      page: "https://evil.example",
      helpful: "yes",
    });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain("We could not tell which page");
    const badAnswer = await postForm(t.app, "/feedback", undefined, { page: "/", helpful: "perhaps" });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.body).toContain("اختر نعم أو لا");
    const json = await postForm(t.app, "/en/feedback", undefined, { page: "/" }, { accept: "application/json" });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBe("Select yes or no");
  });

  it("refuses an oversized comment with the error summary, keeping what was typed", async () => {
    const answer = await postForm(t.app, "/en/feedback", undefined, { page: "/terms", helpful: "no" });
    const location = String(answer.headers.location);
    const tooLong = "word ".repeat(300);
    const res = await postForm(t.app, location, undefined, { comment: tooLong });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<div class="error-summary"');
    expect(res.body).toContain('<a href="#comment">Your comment must be 1,200 characters or fewer</a>');
    expect(res.body).toContain('id="comment-error"');
    expect(res.body).toContain(tooLong.trim());
    expect(res.body).toMatch(/<title>Error: /);
    // The answer itself is kept.
    const id = location.split("/").pop() ?? "";
    const [row] = await t.db.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(row).toMatchObject({ helpful: false, comment: null });
  });

  it("accepts one comment per answer", async () => {
    const answer = await postForm(t.app, "/en/feedback", undefined, { page: "/privacy", helpful: "yes" });
    const location = String(answer.headers.location);
    await postForm(t.app, location, undefined, { comment: "First" });
    const second = await postForm(t.app, location, undefined, { comment: "Second" });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain("can no longer be changed");
  });

  it("answers unknown or malformed feedback addresses with 404", async () => {
    expect((await t.app.inject({ url: "/en/feedback/not-a-uuid" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/en/feedback/00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    const res = await postForm(t.app, "/en/feedback/00000000-0000-4000-8000-000000000000", undefined, {
      comment: "x",
    });
    expect(res.statusCode).toBe(404);
  });
});
