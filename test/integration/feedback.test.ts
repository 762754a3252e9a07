import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFeedback } from "../../src/feedback/tables.js";
import { createTestApp, openForm, postForm, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = () => t.db.database.db.select().from(pageFeedback);

describe("Is this page easy to understand?", () => {
  it("works as a plain form post: answer, then an optional comment", async () => {
    const session = await openForm(t.app, "/en/about/history");
    const answer = await postForm(t.app, "/en/feedback", session, { _csrf: session.csrf, page: "/about/history", helpful: "no" });
    expect(answer.statusCode).toBe(303);
    const location = String(answer.headers.location);
    expect(location).toMatch(/^\/en\/feedback\/[0-9a-f-]{36}$/);
    const id = location.split("/").pop() ?? "";

    const [saved] = await t.db.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(saved).toMatchObject({ path: "/about/history", locale: "en", helpful: false, comment: null });

    const commentPage = await t.app.inject({ url: location, headers: { cookie: session.cookie } });
    expect(commentPage.statusCode).toBe(200);
    expect(commentPage.body).toContain("Thank you for your feedback.");
    expect(commentPage.body).toContain('href="/en/about/history"');

    const comment = await postForm(t.app, location, session, { _csrf: session.csrf, comment: "The dates are hard to follow." });
    expect(comment.statusCode).toBe(303);
    expect(comment.headers.location).toBe(`${location}?sent=1`);
    const [withComment] = await t.db.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(withComment?.comment).toBe("The dates are hard to follow.");

    const done = await t.app.inject({ url: `${location}?sent=1` });
    expect(done.body).toContain("Your comment has been sent");
    expect(done.body).not.toContain('name="comment"');
  });

  it("stores Arabic answers per page and language", async () => {
    const session = await openForm(t.app, "/about");
    const res = await postForm(t.app, "/feedback", session, { _csrf: session.csrf, page: "/about", helpful: "yes" });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/feedback\//);
    const all = await rows();
    expect(all.some((r) => r.path === "/about" && r.locale === "ar" && r.helpful)).toBe(true);
  });

  it("answers in JSON for the script, without a reload", async () => {
    const session = await openForm(t.app, "/en/contact");
    const res = await postForm(
      t.app,
      "/en/feedback",
      session,
      { _csrf: session.csrf, page: "/contact", helpful: "yes" },
      { accept: "application/json" },
    );
    expect(res.statusCode).toBe(201);
    const { id, commentUrl } = res.json() as { id: string; commentUrl: string };
    expect(commentUrl).toBe(`/en/feedback/${id}`);
    const comment = await postForm(
      t.app,
      commentUrl,
      session,
      { _csrf: session.csrf, comment: "Clear." },
      { accept: "application/json" },
    );
    expect(comment.statusCode).toBe(200);
    expect(comment.json()).toEqual({ id, status: "saved" });
  });

  it("refuses a post without a valid anti-forgery token, in the visitor's language, saving nothing", async () => {
    const before = (await rows()).length;
    const session = await openForm(t.app, "/about");
    const missing = await postForm(t.app, "/feedback", session, { page: "/about", helpful: "yes" });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain("انتهت صلاحية هذا النموذج");
    const wrong = await postForm(t.app, "/en/feedback", session, { _csrf: "forged", page: "/about", helpful: "yes" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain("This form has expired");
    const noCookie = await postForm(t.app, "/en/feedback", undefined, { _csrf: session.csrf, page: "/about", helpful: "yes" });
    expect(noCookie.statusCode).toBe(403);
    expect((await rows()).length).toBe(before);
  });

  it("refuses bad answers with a 400 and a message", async () => {
    const session = await openForm(t.app, "/en");
    const badPage = await postForm(t.app, "/en/feedback", session, {
      _csrf: session.csrf,
      page: "https://evil.example",
      helpful: "yes",
    });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain("We could not tell which page");
    const badAnswer = await postForm(t.app, "/feedback", session, { _csrf: session.csrf, page: "/", helpful: "perhaps" });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.body).toContain("اختر نعم أو لا");
    const json = await postForm(
      t.app,
      "/en/feedback",
      session,
      { _csrf: session.csrf, page: "/" },
      { accept: "application/json" },
    );
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBe("Select yes or no");
  });

  it("refuses an oversized comment with the error summary, keeping what was typed", async () => {
    const session = await openForm(t.app, "/en/terms");
    const answer = await postForm(t.app, "/en/feedback", session, { _csrf: session.csrf, page: "/terms", helpful: "no" });
    const location = String(answer.headers.location);
    const tooLong = "word ".repeat(300);
    const res = await postForm(t.app, location, session, { _csrf: session.csrf, comment: tooLong });
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
    const session = await openForm(t.app, "/en/privacy");
    const answer = await postForm(t.app, "/en/feedback", session, { _csrf: session.csrf, page: "/privacy", helpful: "yes" });
    const location = String(answer.headers.location);
    await postForm(t.app, location, session, { _csrf: session.csrf, comment: "First" });
    const second = await postForm(t.app, location, session, { _csrf: session.csrf, comment: "Second" });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain("can no longer be changed");
  });

  it("answers unknown or malformed feedback addresses with 404", async () => {
    expect((await t.app.inject({ url: "/en/feedback/not-a-uuid" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/en/feedback/00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    const session = await openForm(t.app, "/en");
    const res = await postForm(t.app, "/en/feedback/00000000-0000-4000-8000-000000000000", session, {
      _csrf: session.csrf,
      comment: "x",
    });
    expect(res.statusCode).toBe(404);
  });
});
