import { generateKeyPairSync, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { JWK } from "oidc-provider";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { idpSecrets } from "./tables.js";

export interface IdpKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

/**
 * The provider's RSA signing key and cookie keys: made once per database
 * (every instance signs with the same key) and read at start.
 */
export async function loadIdpKeys(db: Db): Promise<IdpKeys> {
  await runOnce(db, "idp-keys", async (tx) => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = {
      ...(privateKey.export({ format: "jwk" }) as JWK),
      use: "sig",
      alg: "RS256",
      kid: randomBytes(8).toString("hex"),
    };
    await tx.insert(idpSecrets).values([
      { name: "jwks", value: { keys: [jwk] } },
      { name: "cookie-keys", value: [randomBytes(32).toString("base64url"), randomBytes(32).toString("base64url")] },
    ]);
  });
  const [jwks] = await db.select().from(idpSecrets).where(eq(idpSecrets.name, "jwks"));
  const [cookies] = await db.select().from(idpSecrets).where(eq(idpSecrets.name, "cookie-keys"));
  if (!jwks || !cookies) throw new Error("identity provider keys missing");
  return { jwks: jwks.value as IdpKeys["jwks"], cookieKeys: cookies.value as string[] };
}
