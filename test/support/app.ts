import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/platform/config.js";
import { buildApp } from "../../src/server.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The whole portal on a fresh database, driven through `app.inject` (real HTTP handling, no socket). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", BASE_URL: "http://portal.test", ...env });
  const app = await buildApp({ config, database: db.database });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** What a browser carries from a page to the form post that follows it: the token and the cookie. */
export interface FormSession {
  csrf: string;
  cookie: string;
}

/** Opens a page like a browser and reads the anti-forgery token from its page-feedback form. */
export async function openForm(app: FastifyInstance, url: string): Promise<FormSession> {
  const res = await app.inject({ method: "GET", url });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  const setCookie = res.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((c) => c.split(";")[0]).join("; ");
  if (!csrf || !cookie) throw new Error(`no form session on ${url} (status ${res.statusCode})`);
  return { csrf, cookie };
}

/** Posts a form as a browser would (URL-encoded), with the session's cookie. */
export function postForm(
  app: FastifyInstance,
  url: string,
  session: FormSession | undefined,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(session ? { cookie: session.cookie } : {}),
      ...headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}
