// Over 400 lines on purpose: every poll journey (voting once, checking choices, who may vote, results, the API, staff pages) shares one demo portal, built once for the file.
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import {
  castVote,
  closePoll,
  createPoll,
  findPoll,
  optionsOf,
  type PollInput,
} from "../../src/participation/polls/repository.js";
import { pollChoices, polls, pollVotes } from "../../src/participation/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { dateTimeFields } from "../support/date-fields.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

let made = 0;
/** A poll made directly, open now unless told otherwise; returns its slug and option ids. */
async function makePoll(over: Partial<PollInput> = {}, labels = ["Red", "Green", "Blue"]) {
  const now = Date.now();
  const slug = `test-poll-${++made}-${randomUUID().slice(0, 6)}`;
  const input: PollInput = {
    agency: "ministry-of-interior",
    kind: "poll",
    questionAr: "ما اللون الذي تفضله؟",
    questionEn: `Which colour do you prefer (${made})?`,
    descriptionAr: "",
    descriptionEn: "",
    multiple: false,
    maxChoices: null,
    audience: "any",
    showResults: "after-vote",
    status: "published",
    opensAt: new Date(now - DAY),
    closesAt: new Date(now + 10 * DAY),
    ...over,
  };
  await createPoll(
    db(),
    input,
    labels.map((l) => ({ ar: `${l} بالعربية`, en: l })),
    randomUUID(),
    slug,
  );
  const poll = await findPoll(db(), slug);
  if (!poll) throw new Error("no poll");
  const options = await optionsOf(db(), poll.id);
  return { slug, poll, ids: options.map((o) => o.id) };
}

/** Votes from made-up people: `counts[i]` votes for option i. */
async function seedVotes(pollId: string, ids: string[], counts: number[]) {
  const ballots = counts.flatMap((n, i) => Array.from({ length: n }, () => ids[i] ?? ""));
  const rows = await db()
    .insert(pollVotes)
    .values(ballots.map(() => ({ pollId, userId: randomUUID() })))
    .returning({ id: pollVotes.id });
  await db()
    .insert(pollChoices)
    .values(rows.map((r, i) => ({ voteId: r.id, pollId, optionId: ballots[i] ?? "" })));
}

async function votesOf(pollId: string, userEmail?: string): Promise<{ votes: number; choices: number }> {
  const user = userEmail ? await findUserByEmail(db(), userEmail) : undefined;
  const where = user ? and(eq(pollVotes.pollId, pollId), eq(pollVotes.userId, user.id)) : eq(pollVotes.pollId, pollId);
  const [v] = await db().select({ n: count() }).from(pollVotes).where(where);
  const [c] = await db()
    .select({ n: count() })
    .from(pollChoices)
    .innerJoin(pollVotes, eq(pollVotes.id, pollChoices.voteId))
    .where(where);
  return { votes: Number(v?.n ?? 0), choices: Number(c?.n ?? 0) };
}

const page = (slug: string, lang = "/en") => `${lang}/participate/polls/${slug}`;
/** The page's main content (the header's icons and the forms' random tokens are left out). */
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
/** The words of the main content, without markup (option ids in attributes may hold any digits). */
const mainText = (html: string) => mainOf(html).replace(/<[^>]*>/g, " ");

describe("voting once", () => {
  it("counts a vote from two tabs once, and a replayed request changes nothing", async () => {
    const { slug, poll, ids } = await makePoll();
    const me = await signedInAs(t.app, "citizen");
    await me.get(page(slug));
    const tabOne = me.csrf;
    const second = await me.get(page(slug));
    expect(second.body).toContain('name="choice"');
    const tabTwo = me.csrf;

    const first = await me.post(page(slug), { _csrf: tabOne, choice: ids[0] ?? "" });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/en/participate/polls/${slug}?voted=1`);
    const thanks = await me.follow(first);
    expect(thanks.body).toContain("Thank you for voting");
    expect(thanks.body).toContain("You voted for: Red.");

    const other = await me.post(page(slug), { _csrf: tabTwo, choice: ids[1] ?? "" });
    expect(other.statusCode).toBe(409);
    expect(other.body).toContain("You have already voted");
    const replay = await me.post(page(slug), { _csrf: tabOne, choice: ids[0] ?? "" });
    expect(replay.statusCode).toBe(409);
    expect(replay.body).toContain("You have already voted");
    expect(await votesOf(poll.id)).toEqual({ votes: 1, choices: 1 });
  });

  it("counts ten requests sent at the same moment once", async () => {
    const { slug, poll, ids } = await makePoll({ multiple: true, maxChoices: 2 });
    const me = await signedInAs(t.app, "resident");
    await me.get(page(slug));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => me.post(page(slug), { choice: [ids[0] ?? "", ids[2] ?? ""] })),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.every((s) => s === 303 || s === 409)).toBe(true);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.body).toContain("You have already voted");
    expect(await votesOf(poll.id)).toEqual({ votes: 1, choices: 2 });
  });
});

describe("the database keeps one vote per person", () => {
  it("lets one of ten simultaneous inserts through, the others insert nothing", async () => {
    const { poll, ids } = await makePoll();
    const user = await findUserByEmail(db(), demoEmails.visitor);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => castVote(db(), poll.id, user?.id ?? "", [ids[i % ids.length] ?? ""])),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await votesOf(poll.id)).toEqual({ votes: 1, choices: 1 });
  });
});

describe("checking the choices", () => {
  it("refuses more choices than a multiple-choice poll allows, with the message beside the field", async () => {
    const { slug, poll, ids } = await makePoll({ multiple: true, maxChoices: 2 }, ["Red", "Green", "Blue", "Black"]);
    const me = await signedInAs(t.app, "citizen");
    const form = await me.get(page(slug));
    expect(form.body).toContain('type="checkbox"');
    expect(form.body).toContain("Choose up to 2 answers.");
    const res = await me.post(page(slug), { choice: ids.slice(0, 3) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("error-summary");
    expect(res.body).toMatch(/id="choice-error"[^>]*>.*Choose no more than 2 answers/s);
    // What was ticked is ticked again.
    expect(res.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(3);
    expect(await votesOf(poll.id)).toEqual({ votes: 0, choices: 0 });
  });

  it("refuses an option of another poll, a made-up one, or none at all (400 with a message)", async () => {
    const { slug, poll } = await makePoll();
    const other = await makePoll();
    const me = await signedInAs(t.app, "citizen");
    await me.get(page(slug));
    for (const choice of [other.ids[0] ?? "", "not-an-option", randomUUID()]) {
      const res = await me.post(page(slug), { choice });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Choose one of the answers shown");
    }
    const none = await me.post(page(slug), {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Choose an answer");
    const two = await me.post(page(slug), { choice: [poll.id, poll.id].map(() => "x") });
    expect(two.statusCode).toBe(400);
    expect(await votesOf(poll.id)).toEqual({ votes: 0, choices: 0 });
  });

  it("refuses a vote in a closed poll with a message", async () => {
    const closed = await findPoll(db(), "bus-stop-improvements");
    if (!closed) throw new Error("no demo poll");
    const [option] = await optionsOf(db(), closed.id);
    const me = await signedInAs(t.app, "citizen");
    const view = await me.get(page(closed.slug));
    expect(view.body).not.toContain('name="choice"');
    const res = await me.post(page(closed.slug), { choice: option?.id ?? "" });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("This poll has closed");
    expect(await votesOf(closed.id, demoEmails.citizen)).toEqual({ votes: 0, choices: 0 });
  });
});

describe("who may vote", () => {
  it("refuses a resident in a citizens-only poll with a message, and lets a citizen vote", async () => {
    const slug = "national-sport-day-long-weekend";
    const poll = await findPoll(db(), slug);
    if (!poll) throw new Error("no demo poll");
    const [yes] = await optionsOf(db(), poll.id);
    const resident = await signedInAs(t.app, "resident");
    const view = await resident.get(page(slug));
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain("Only citizens can vote in this poll.");
    expect(view.body).not.toContain('name="choice"');
    const refused = await resident.post(page(slug), { choice: yes?.id ?? "" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Only citizens can vote in this poll.");
    expect(await votesOf(poll.id, demoEmails.resident)).toEqual({ votes: 0, choices: 0 });

    const citizen = await signedInAs(t.app, "citizen");
    await citizen.get(page(slug, ""));
    const ok = await citizen.post(page(slug, ""), { choice: yes?.id ?? "" });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/participate/polls/${slug}?voted=1`);
    expect(await votesOf(poll.id, demoEmails.citizen)).toEqual({ votes: 1, choices: 1 });
  });

  it("shows signed-out visitors the question and a link to sign in, and sends a signed-out vote to sign in", async () => {
    const visitor = new Client(t.app);
    const slug = "municipal-service-centre-hours";
    const res = await visitor.get(page(slug));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Which opening hours would suit you best");
    expect(res.body).toContain(`href="/en/sign-in?returnTo=${encodeURIComponent(`/en/participate/polls/${slug}`)}"`);
    expect(res.body).toContain("Sign in to vote");
    expect(res.body).not.toContain('name="choice"');
    expect(res.body).not.toContain("poll-results");
    const ar = await visitor.get(page(slug, ""));
    expect(ar.body).toContain(`href="/sign-in?returnTo=${encodeURIComponent(`/participate/polls/${slug}`)}"`);
    const post = await visitor.post(page(slug), { choice: "x" });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toContain("/en/sign-in?returnTo=");
  });

  it("keeps drafts, scheduled polls and unknown addresses from the public (404)", async () => {
    const draft = await makePoll({ status: "draft" });
    const scheduled = await makePoll({ opensAt: new Date(Date.now() + 2 * DAY) });
    const me = await signedInAs(t.app, "citizen");
    for (const slug of [draft.slug, scheduled.slug, "no-such-poll", "Not_A_Slug"]) {
      expect((await me.get(page(slug))).statusCode).toBe(404);
    }
    const res = await me.post(page(scheduled.slug), { choice: scheduled.ids[0] ?? "" });
    expect(res.statusCode).toBe(404);
    expect(await votesOf(scheduled.poll.id)).toEqual({ votes: 0, choices: 0 });
  });
});

describe("when results are shown", () => {
  it("after-vote: not in the page before voting, shown after", async () => {
    const { slug, poll, ids } = await makePoll();
    await seedVotes(poll.id, ids, [413, 287, 0]);
    const me = await signedInAs(t.app, "resident");
    const before = await me.get(page(slug));
    for (const hidden of ["poll-results", "<table", "<svg"]) expect(mainOf(before.body)).not.toContain(hidden);
    for (const hidden of ["413", "287", "700"]) expect(mainText(before.body)).not.toContain(hidden);

    await me.post(page(slug), { choice: ids[0] ?? "" });
    const after = await me.get(page(slug));
    expect(after.body).toContain("poll-results");
    expect(after.body).toContain("701 people voted.");
    expect(after.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="results-chart-title results-chart-desc"/);
    expect(after.body).toContain("Red: 414 votes (59.1%)");
    expect(after.body).toMatch(/<th scope="row"[^>]*>Red<\/th><td[^>]*>414<\/td><td[^>]*>59.1%<\/td>/);
    // In Arabic the bars grow from the right: a bar of 59.1% starts at 40.9%.
    const ar = await me.get(page(slug, ""));
    expect(ar.body).toContain('x="40.94%"');
    expect(ar.body).toContain("414");
  });

  it("after-close: not shown after voting, shown to everyone once closed", async () => {
    const { slug, poll, ids } = await makePoll({ showResults: "after-close" });
    await seedVotes(poll.id, ids, [0, 508, 193]);
    const me = await signedInAs(t.app, "citizen");
    await me.get(page(slug));
    const voted = await me.post(page(slug), { choice: ids[1] ?? "" });
    expect(voted.statusCode).toBe(303);
    const after = await me.get(page(slug));
    expect(after.body).toContain("The results will be published when the poll closes");
    for (const hidden of ["poll-results", "<table", "<svg"]) expect(mainOf(after.body)).not.toContain(hidden);
    for (const hidden of ["508", "509", "193"]) expect(mainText(after.body)).not.toContain(hidden);
    const apiOpen = (await t.app.inject({ url: `/api/v1/polls/${slug}` })).json();
    expect(apiOpen.results).toBe(false);
    expect(apiOpen.options[0]).not.toHaveProperty("votes");

    await closePoll(db(), poll.id);
    const anyone = await new Client(t.app).get(page(slug));
    expect(anyone.body).toContain("poll-results");
    expect(anyone.body).toContain("702 people voted.");
    expect(anyone.body).toContain("Green: 509 votes");
    const apiClosed = (await t.app.inject({ url: `/api/v1/polls/${slug}` })).json();
    expect(apiClosed.status).toBe("closed");
    expect(apiClosed.options.map((o: { votes: number }) => o.votes)).toEqual([0, 509, 193]);
  });
});

describe("/api/v1/polls", () => {
  it("lists the published polls with their status and votes, both languages, no drafts", async () => {
    const draft = await makePoll({ status: "draft" });
    const scheduled = await makePoll({ opensAt: new Date(Date.now() + 3 * DAY) });
    const res = await t.app.inject({ url: "/api/v1/polls" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Record<string, unknown>[] };
    expect(body.total).toBe(body.items.length);
    const byId = new Map(body.items.map((i) => [i.id, i]));
    expect(byId.has(draft.slug)).toBe(false);
    expect(byId.get(scheduled.slug)?.status).toBe("scheduled");
    expect(byId.get("municipal-service-centre-hours")).toMatchObject({
      agency: "ministry-of-municipality",
      kind: "poll",
      status: "open",
      multiple: false,
      audience: "any",
      question: { en: "Which opening hours would suit you best at municipal service centres?" },
    });
    expect(byId.get("national-sport-day-long-weekend")).toMatchObject({
      kind: "referendum",
      audience: "citizens",
      status: "open",
    });
    expect(byId.get("bus-stop-improvements")).toMatchObject({ status: "closed", multiple: true, votes: 510 });
    expect(new Date(String(byId.get("bus-stop-improvements")?.closesAt)).getTime()).toBeLessThan(Date.now());

    const detail = (await t.app.inject({ url: "/api/v1/polls/bus-stop-improvements" })).json();
    expect(detail.results).toBe(true);
    expect(detail.options).toHaveLength(5);
    expect(detail.options[0]).toMatchObject({ label: { en: "Shade and cooling" }, votes: 317 });
    expect((await t.app.inject({ url: `/api/v1/polls/${draft.slug}` })).statusCode).toBe(404);
    const missing = await t.app.inject({ url: "/api/v1/polls/no-such-poll" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.status).toBe(404);
  });
});

describe("staff pages", () => {
  const NEW = "/en/workspace/participation/polls/new";

  const form = (over: Record<string, string> = {}) => ({
    agency: "ministry-of-interior",
    kind: "referendum",
    questionAr: "هل تفضّل تجديد الإقامة إلكترونياً فقط؟",
    questionEn: "Should residence permits be renewed online only?",
    descriptionAr: "نسأل قبل تغيير الإجراءات.",
    descriptionEn: "We are asking before changing the procedure.",
    "optionAr-1": "نعم",
    "optionEn-1": "Yes",
    "optionAr-2": "",
    "optionEn-2": "",
    "optionAr-3": "لا",
    "optionEn-3": "No",
    multiple: "single",
    maxChoices: "",
    audience: "residents",
    showResults: "after-close",
    ...dateTimeFields("opens", new Date(Date.now() - 2 * 3_600_000)),
    ...dateTimeFields("closes", new Date(Date.now() + 7 * DAY)),
    ...over,
  });

  it("an editor creates a draft, publishes it and closes it early", async () => {
    const editor = await signedInAs(t.app, "editor");
    const blank = await editor.get(NEW);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('name="optionAr-6"');
    expect(blank.body).toContain('value="ministry-of-interior"');
    expect(blank.body).not.toContain('value="ministry-of-municipality"');

    const saved = await editor.post(NEW, { ...form(), action: "draft" });
    expect(saved.statusCode).toBe(303);
    const slug = "should-residence-permits-be-renewed-online-only";
    expect(saved.headers.location).toBe(`/en/workspace/participation/polls/${slug}?done=saved`);
    const draft = await findPoll(db(), slug);
    expect(draft).toMatchObject({
      status: "draft",
      kind: "referendum",
      audience: "residents",
      multiple: false,
      maxChoices: null,
    });
    expect((await optionsOf(db(), draft?.id ?? "")).map((o) => o.labelEn)).toEqual(["Yes", "No"]);
    expect((await editor.get(`/en/participate/polls/${slug}`)).statusCode).toBe(404);

    const view = await editor.follow(saved);
    expect(view.body).toContain("The draft has been saved.");
    expect(view.body).toContain("Edit this draft");
    expect(view.body).toContain('value="Should residence permits be renewed online only?"');

    const published = await editor.post(`/en/workspace/participation/polls/${slug}`, {
      ...form({ "optionAr-2": "لا أعرف", "optionEn-2": "Not sure" }),
      action: "publish",
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain("?done=published");
    const live = await findPoll(db(), slug);
    expect(live?.status).toBe("published");
    expect((await optionsOf(db(), live?.id ?? "")).map((o) => o.labelEn)).toEqual(["Yes", "Not sure", "No"]);
    expect((await editor.get(`/en/participate/polls/${slug}`)).statusCode).toBe(200);

    // No longer a draft: it cannot be changed.
    const afterPublish = await editor.get(`/en/workspace/participation/polls/${slug}`);
    expect(afterPublish.body).not.toContain("Edit this draft");
    expect(afterPublish.body).toContain("Close now");
    const edit = await editor.post(`/en/workspace/participation/polls/${slug}`, { ...form(), action: "draft" });
    expect(edit.statusCode).toBe(409);

    const closed = await editor.post(`/en/workspace/participation/polls/${slug}/close`, {});
    expect(closed.statusCode).toBe(303);
    expect((await findPoll(db(), slug))?.closedAt).toBeInstanceOf(Date);
    const again = await editor.post(`/en/workspace/participation/polls/${slug}/close`, {});
    expect(again.statusCode).toBe(409);
    const publicPage = await new Client(t.app).get(`/en/participate/polls/${slug}`);
    expect(publicPage.body).toContain("Nobody has voted yet.");
  });

  it("an editor sees results of after-close polls any time", async () => {
    const { slug, poll, ids } = await makePoll({ showResults: "after-close" });
    await seedVotes(poll.id, ids, [12, 34, 56]);
    const editor = await signedInAs(t.app, "editor");
    const res = await editor.get(`/en/workspace/participation/polls/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("102 people voted.");
    expect(res.body).toContain("Blue: 56 votes");
  });

  it("another agency's editor gets 404, the public 403 or 404", async () => {
    const editor = await signedInAs(t.app, "editor");
    const other = "/en/workspace/participation/polls/municipal-service-centre-hours";
    expect((await editor.get(other)).statusCode).toBe(404);
    await editor.get(NEW);
    expect((await editor.post(`${other}/close`, {})).statusCode).toBe(404);
    expect((await editor.post(other, { ...form({ agency: "ministry-of-municipality" }), action: "publish" })).statusCode).toBe(
      404,
    );
    expect((await findPoll(db(), "municipal-service-centre-hours"))?.closedAt).toBeNull();

    const citizen = await signedInAs(t.app, "citizen");
    expect((await citizen.get(NEW)).statusCode).toBe(403);
    expect((await citizen.get(other)).statusCode).toBe(404);
    await citizen.get("/en/participate");
    expect((await citizen.post(NEW, { ...form(), action: "publish" })).statusCode).toBe(403);

    const visitor = new Client(t.app);
    const out = await visitor.get(NEW);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toContain("/en/sign-in");

    const admin = await signedInAs(t.app, "admin");
    expect((await admin.get(other)).statusCode).toBe(200);
  });

  it("bad input on the form: 400 with each message beside its field, what was typed kept, nothing saved", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get(NEW);
    const [before] = await db().select({ n: count() }).from(polls);
    const res = await editor.post(NEW, {
      ...form({
        agency: "ministry-of-municipality",
        questionAr: "",
        questionEn: "Kept as typed",
        "optionAr-1": "نعم",
        "optionEn-1": "",
        "optionAr-3": "",
        "optionEn-3": "",
        multiple: "multiple",
        maxChoices: "9",
        "closes-day": "31",
        "closes-month": "2",
      }),
      action: "publish",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("error-summary");
    for (const [field, message] of [
      ["agency", "Choose one of your agencies"],
      ["questionAr", "Enter the question in Arabic"],
      ["optionEn-1", "Enter answer 1 in English, or empty the row"],
      ["closes-day", "Enter a real closing date"],
    ]) {
      expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toContain(message);
    }
    expect(res.body).toMatch(/id="closes-error"/);
    expect(res.body).toContain('value="Kept as typed"');
    const [after] = await db().select({ n: count() }).from(polls);
    expect(after?.n).toBe(before?.n);

    const tooFew = await editor.post(NEW, { ...form({ "optionAr-3": "", "optionEn-3": "" }), action: "draft" });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.body).toContain("Enter at least two answers");
    const backwards = await editor.post(NEW, {
      ...form({ ...dateTimeFields("closes", new Date(Date.now() - 3 * DAY)) }),
      action: "draft",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain("The closing date must be after the opening date");
    const past = await editor.post(NEW, {
      ...form({
        ...dateTimeFields("opens", new Date(Date.now() - 9 * DAY)),
        ...dateTimeFields("closes", new Date(Date.now() - 3 * DAY)),
      }),
      action: "publish",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("To publish, the closing date must be in the future");
    const badTime = await editor.post(NEW, { ...form({ "opens-time": "25:00" }), action: "draft" });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toContain('href="#opens-time"');
    const [end] = await db().select({ n: count() }).from(polls);
    expect(end?.n).toBe(before?.n);

    // Arabic-Indic digits are accepted in the date and time boxes.
    const d = dateTimeFields("closes", new Date(Date.now() + 5 * DAY));
    const eastern = (s: string) => s.replace(/\d/g, (x) => String.fromCharCode(0x0660 + Number(x)));
    const ok = await editor.post("/workspace/participation/polls/new", {
      ...form({ questionEn: "Arabic digits poll" }),
      ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, eastern(v)])),
      action: "draft",
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/workspace/participation/polls/arabic-digits-poll?done=saved");
  });
});
