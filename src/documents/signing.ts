import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { canonicalJson } from "../platform/text/canonical-json.js";
import { type DocumentField, signingKeys } from "./tables.js";

/** What the signature covers: everything the document states, and who issued it for which request. */
export interface SignedContent {
  code: string;
  type: string;
  title: { ar: string; en: string };
  holder: { ar: string; en: string };
  fields: DocumentField[];
  /** ISO 8601, to the millisecond. */
  issuedAt: string;
  /** YYYY-MM-DD, or null when it does not expire. */
  validUntil: string | null;
  caseId: string | null;
  agency: string;
}

/** The stored row's columns the signature covers. */
export interface SignableRow {
  code: string;
  type: string;
  titleAr: string;
  titleEn: string;
  holderAr: string;
  holderEn: string;
  fields: DocumentField[];
  issuedAt: Date;
  validUntil: string | null;
  caseId: string | null;
  agency: string;
}

export function signedContentOf(row: SignableRow): SignedContent {
  return {
    code: row.code,
    type: row.type,
    title: { ar: row.titleAr, en: row.titleEn },
    holder: { ar: row.holderAr, en: row.holderEn },
    fields: row.fields,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    caseId: row.caseId,
    agency: row.agency,
  };
}

/** The first key's id: every instance that finds no key tries to insert this one, and only one succeeds. */
const FIRST_KEY_ID = "documents-1";

/** Parsed keys by their PEM text (a key's id alone could name a key rolled back with its transaction). */
const parsed = new Map<string, KeyObject>();
function keyObject(pem: string, kind: "public" | "private"): KeyObject {
  let key = parsed.get(pem);
  if (!key) {
    key = kind === "public" ? createPublicKey(pem) : createPrivateKey(pem);
    parsed.set(pem, key);
  }
  return key;
}

function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

async function newestKey(db: Db) {
  const [row] = await db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), desc(signingKeys.id)).limit(1);
  return row;
}

/**
 * The key that signs: the newest stored one. The first is made on first
 * use; two instances doing so at once insert the same id, so one key wins
 * and both read it.
 */
export async function signingKey(db: Db): Promise<{ id: string; privateKey: KeyObject }> {
  let row = await newestKey(db);
  if (!row) {
    await db
      .insert(signingKeys)
      .values({ id: FIRST_KEY_ID, ...newKeyPair() })
      .onConflictDoNothing();
    row = await newestKey(db);
  }
  if (!row) throw new Error("no document signing key");
  return { id: row.id, privateKey: keyObject(row.privateKey, "private") };
}

/** Adds a new signing key; documents signed before stay verifiable with theirs. */
export async function rotateSigningKey(db: Db): Promise<string> {
  const id = `documents-${randomUUID()}`;
  await db.insert(signingKeys).values({ id, ...newKeyPair() });
  return id;
}

/** Signs the content with the newest key: the signature (base64url) and the key's id. */
export async function signContent(db: Db, content: SignedContent): Promise<{ signature: string; keyId: string }> {
  const key = await signingKey(db);
  const signature = sign(null, Buffer.from(canonicalJson(content), "utf8"), key.privateKey).toString("base64url");
  return { signature, keyId: key.id };
}

/** Whether a stored document is exactly what was signed: false if any signed column changed, or its key is unknown. */
export async function verifySignature(db: Db, row: SignableRow & { signature: string; keyId: string }): Promise<boolean> {
  const [key] = await db.select({ publicKey: signingKeys.publicKey }).from(signingKeys).where(eq(signingKeys.id, row.keyId));
  if (!key) return false;
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(signedContentOf(row)), "utf8"),
      keyObject(key.publicKey, "public"),
      Buffer.from(row.signature, "base64url"),
    );
  } catch {
    return false;
  }
}
