import { randomInt } from "node:crypto";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";

/** Two instances of the portal that share the Redis on this machine, as instances behind a proxy do. */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether Redis answers; without it (a machine with no Redis) the sharing test is reported as skipped. */
async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 1000 });
    socket.once("connect", () => resolve(socket.destroy() && true));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => resolve(socket.destroy() && false));
  });
}
const haveRedis = await redisAnswers();

let one: TestApp;
let two: TestApp;

const report = JSON.stringify({ "csp-report": { "document-uri": "http://portal.test/", "violated-directive": "script-src" } });

describe.skipIf(!haveRedis)("rate limits shared by every instance through Redis", () => {
  beforeAll(async () => {
    one = await createTestApp({ env: { REDIS_URL } });
    two = await createTestApp({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it("counts one address's requests on both instances together", async () => {
    // A fresh address each run: Redis keeps the counts for the limit's minute.
    const remoteAddress = `10.${randomInt(250)}.${randomInt(250)}.${1 + randomInt(250)}`;
    const post = (t: TestApp) =>
      t.app.inject({
        method: "POST",
        url: "/csp-report",
        remoteAddress,
        headers: { "content-type": "application/csp-report" },
        payload: report,
      });
    const codes: number[] = [];
    // The report endpoint allows 30 a minute from one address; alternate between the instances.
    for (let i = 0; i < 30; i++) codes.push((await post(i % 2 === 0 ? one : two)).statusCode);
    expect(codes.every((code) => code === 204)).toBe(true);
    expect((await post(one)).statusCode).toBe(429);
    expect((await post(two)).statusCode).toBe(429);
  });

  it("counts a route once across instances and languages (/sign-in and /en/sign-in are one limit)", async () => {
    const remoteAddress = `10.${randomInt(250)}.${randomInt(250)}.${1 + randomInt(250)}`;
    // No anti-forgery token: each post is refused (403) after the limit has counted it.
    const post = (t: TestApp, url: string) =>
      t.app.inject({
        method: "POST",
        url,
        remoteAddress,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "identifier=nobody%40example.com&password=x",
      });
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await post(i % 2 ? one : two, i % 3 ? "/sign-in" : "/en/sign-in")).statusCode);
    expect(codes.includes(429)).toBe(false);
    expect((await post(one, "/en/sign-in")).statusCode).toBe(429);
    expect((await post(two, "/sign-in")).statusCode).toBe(429);
  });
});

describe.skipIf(!haveRedis)("limits per phone number shared by every instance through Redis", () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ env: { REDIS_URL } });
    b = await createTestApp({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it("sends one number three codes in ten minutes in all, whichever instance registers it", async () => {
    // A fresh number each run: Redis keeps the counts for a day.
    const phone = `555${String(randomInt(10_000, 99_999))}`;
    const register = async (t: TestApp, n: number) => {
      const client = new Client(t.app);
      await client.get("/en/register");
      return client.post("/en/register", {
        idType: "passport",
        passportNumber: `R${phone}${n}`,
        passportCountry: "GB",
        nameAr: "سالم أحمد الكعبي",
        nameEn: "Salem Ahmed Al-Kaabi",
        nationality: "GB",
        residency: "visitor",
        phone,
        email: `shared${phone}-${n}@example.com`,
        password: "a long and private phrase",
        confirmPassword: "a long and private phrase",
        locale: "en",
      });
    };
    const answers = [await register(a, 1), await register(b, 2), await register(a, 3), await register(b, 4)];
    expect(answers.slice(0, 3).map((r) => r.headers.location)).toEqual(Array(3).fill("/en/register/verify-phone"));
    expect(answers[3]?.headers.location).toMatch(/^\/en\/register\/verify-phone\?wait=\d+$/);
  });
});

describe("when Redis is unreachable", () => {
  it("still serves, letting requests through rather than refusing them", async () => {
    const alone = await createTestApp({ env: { REDIS_URL: "redis://127.0.0.1:1" } });
    try {
      const res = await alone.app.inject({
        method: "POST",
        url: "/csp-report",
        headers: { "content-type": "application/csp-report" },
        payload: report,
      });
      expect(res.statusCode).toBe(204);
      expect((await alone.app.inject({ url: "/en/about/history" })).statusCode).toBe(200);
    } finally {
      await alone.close();
    }
  });
});
