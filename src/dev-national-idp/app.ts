import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

/**
 * A development stand-in for the national identity provider (the smart-card
 * authentication system): a real OpenID Connect provider (oidc-provider)
 * with its built-in development login, whose "cards" are the people below.
 * Never for production: it signs in anyone who types a known QID.
 */
export interface CardHolder {
  qid: string;
  name_ar: string;
  name_en: string;
  nationality: string;
  email: string;
  phone_number: string;
}

export const cardHolders: CardHolder[] = [
  {
    qid: "28663400101",
    name_ar: "مريم خالد السليطي",
    name_en: "Maryam Khalid Al-Sulaiti",
    nationality: "QA",
    email: "citizen@demo.hukoomi.example",
    phone_number: "+97455500101",
  },
  {
    qid: "29163400188",
    name_ar: "يوسف عبدالله الدوسري",
    name_en: "Yousef Abdullah Al-Dosari",
    nationality: "QA",
    email: "yousef.national@example.com",
    phone_number: "+97455500188",
  },
];

export interface DevNationalIdpOptions {
  port: number;
  /** Where the portal receives the answer: <portal>/sign-in/national/callback. */
  redirectUri: string;
  clientId: string;
  clientSecret: string;
}

/** The smart-card "reader": choose a card, and the person is signed in and their details released. */
async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "POST") {
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (chunk) => {
        data += chunk;
      });
      req.on("end", () => resolve(data));
    });
    const qid = new URLSearchParams(body).get("qid") ?? "";
    if (!cardHolders.some((h) => h.qid === qid)) {
      res.statusCode = 400;
      res.end("unknown card");
      return;
    }
    const grant = new provider.Grant({ accountId: qid, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: qid }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const options = cardHolders.map((h) => `<option value="${h.qid}">${h.qid} ${h.name_en}</option>`).join("");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>National authentication (development)</title></head><body><main><h1>National authentication (development)</h1><form method="post" action="/interaction/${details.uid}"><label for="qid">Smart card</label> <select id="qid" name="qid">${options}</select> <button type="submit">Use this card</button></form></main></body></html>`,
  );
}

export async function startDevNationalIdp(opts: DevNationalIdpOptions): Promise<{ issuer: string; close(): Promise<void> }> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: {
      openid: ["sub"],
      profile: ["name_ar", "name_en", "nationality"],
      email: ["email"],
      phone: ["phone_number"],
      national_id: ["qid"],
    },
    scopes: ["openid", "profile", "email", "phone", "national_id"],
    conformIdTokenClaims: false,
    cookies: { keys: ["development-only-national-idp-cookie-key"] },
    findAccount: async (_ctx, sub) => {
      const holder = cardHolders.find((h) => h.qid === sub);
      if (!holder) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...holder }) };
    },
  });
  const callback = provider.callback();
  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return void callback(req, res);
    handleInteraction(provider, req, res).catch(() => {
      res.statusCode = 400;
      res.end("interaction failed");
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", () => resolve()));
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
