/**
 * The development national identity provider: `npm run dev:national-idp`, then start the portal with
 *   NATIONAL_IDP_ISSUER=http://127.0.0.1:3001 NATIONAL_IDP_CLIENT_ID=hukoomi NATIONAL_IDP_CLIENT_SECRET=development-national-secret
 * There, choose one of the development smart cards (28663400101 or 29163400188).
 */
import { startDevNationalIdp } from "./app.js";

const port = Number(process.env.NATIONAL_IDP_PORT ?? 3001);
const portal = (process.env.HUKOOMI_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const { issuer } = await startDevNationalIdp({
  port,
  redirectUri: `${portal}/sign-in/national/callback`,
  clientId: "hukoomi",
  clientSecret: "development-national-secret",
});
console.log(`development national identity provider at ${issuer}`);
