/**
 * Runs the demo agency portal: `npm run demo:agency` (after `npm start`).
 * HUKOOMI_URL (default http://127.0.0.1:3000) and DEMO_AGENCY_URL (default
 * http://127.0.0.1:3002) match the portal's demo client registration.
 */
import { buildDemoAgency } from "./app.js";

const hukoomi = process.env.HUKOOMI_URL ?? "http://127.0.0.1:3000";
const url = (process.env.DEMO_AGENCY_URL ?? "http://127.0.0.1:3002").replace(/\/$/, "");
const app = await buildDemoAgency({
  issuer: `${hukoomi}/idp`,
  url,
  clientId: "demo-agency-portal",
  clientSecret: process.env.DEMO_AGENCY_CLIENT_SECRET ?? "demo-agency-portal-secret",
  cookieSecret: process.env.DEMO_AGENCY_COOKIE_SECRET ?? "demo-agency-cookie-secret-for-demonstrations",
});
const { hostname, port } = new URL(url);
await app.listen({ host: hostname, port: Number(port) });
console.log(`demo agency portal at ${url}`);
