import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/demo-people.js";
import { Client } from "./client.js";

/** The demo people's sign-in emails (loadDemoPeople creates them). */
export const demoEmails = {
  citizen: "citizen@demo.hukoomi.example",
  resident: "resident@demo.hukoomi.example",
  visitor: "visitor@demo.hukoomi.example",
  officer: "officer@demo.hukoomi.example",
  admin: "admin@demo.hukoomi.example",
  editor: "editor@demo.hukoomi.example",
};
export type DemoPerson = keyof typeof demoEmails;

/**
 * Signs a browser-like client in as a browser would (the sign-in page, then
 * its form) with an identifier and the demo password; the sign-in must succeed.
 */
export async function signInWith(client: Client, identifier: string): Promise<Client> {
  await client.get("/en/sign-in");
  const res = await client.post("/en/sign-in", { identifier, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(303);
  return client;
}

/** A browser-like client signed in as a demo person. */
export async function signedInAs(app: FastifyInstance, who: DemoPerson): Promise<Client> {
  return signInWith(new Client(app), demoEmails[who]);
}
