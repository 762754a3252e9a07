import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { hashPassword, verifyPassword } from "./crypto.js";
import type { RoleGrant } from "./model.js";
import { createUser, findUserByEmail, grantRole } from "./repository.js";

/** The demo people's password; documented in the README, for demonstrations only. */
export const DEMO_PASSWORD = "Hukoomi-demo-2026";

interface DemoPerson {
  email: string;
  qid?: string;
  passport?: { number: string; country: string };
  nameAr: string;
  nameEn: string;
  nationality: string;
  residency: "citizen" | "resident" | "visitor";
  persona?: string;
  phone: string;
  locale: "ar" | "en";
  roles?: RoleGrant[];
}

/** One person of each kind, so every journey can be tried at once. */
export const demoPeople: DemoPerson[] = [
  {
    email: "citizen@demo.hukoomi.example",
    qid: "28663400101",
    nameAr: "مريم خالد السليطي",
    nameEn: "Maryam Khalid Al-Sulaiti",
    nationality: "QA",
    residency: "citizen",
    persona: "citizen-parent",
    phone: "+97455500101",
    locale: "ar",
  },
  {
    email: "resident@demo.hukoomi.example",
    qid: "29035600102",
    nameAr: "أنيل كومار مينون",
    nameEn: "Anil Kumar Menon",
    nationality: "IN",
    residency: "resident",
    persona: "resident-employee",
    phone: "+97455500102",
    locale: "en",
  },
  {
    email: "visitor@demo.hukoomi.example",
    passport: { number: "P4820193", country: "GB" },
    nameAr: "سارة تومسون",
    nameEn: "Sarah Thompson",
    nationality: "GB",
    residency: "visitor",
    persona: "visitor-tourist",
    phone: "+447911123456",
    locale: "en",
  },
  {
    email: "editor@demo.hukoomi.example",
    qid: "28763400104",
    nameAr: "فهد علي المري",
    nameEn: "Fahad Ali Al-Marri",
    nationality: "QA",
    residency: "citizen",
    phone: "+97455500104",
    locale: "ar",
    roles: [{ role: "editor", agency: "ministry-of-interior" }],
  },
  {
    email: "approver@demo.hukoomi.example",
    qid: "28463400105",
    nameAr: "نورة سعد الكواري",
    nameEn: "Noora Saad Al-Kuwari",
    nationality: "QA",
    residency: "citizen",
    phone: "+97455500105",
    locale: "ar",
    roles: [{ role: "approver", agency: "ministry-of-interior" }],
  },
  {
    email: "officer@demo.hukoomi.example",
    qid: "28963400106",
    nameAr: "حمد جاسم النعيمي",
    nameEn: "Hamad Jassim Al-Naimi",
    nationality: "QA",
    residency: "citizen",
    phone: "+97455500106",
    locale: "ar",
    roles: [
      { role: "officer", agency: "ministry-of-interior" },
      { role: "officer", agency: "ministry-of-labour" },
    ],
  },
  {
    email: "admin@demo.hukoomi.example",
    qid: "28263400107",
    nameAr: "عائشة محمد الهاجري",
    nameEn: "Aisha Mohammed Al-Hajri",
    nationality: "QA",
    residency: "citizen",
    phone: "+97455500107",
    locale: "en",
    roles: [{ role: "admin" }],
  },
];

/** Creates the demo people once (confirmed, with the demo password). */
export function loadDemoPeople(db: Db): Promise<boolean> {
  return runOnce(db, "demo-people", async (tx) => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    for (const p of demoPeople) {
      const user = await createUser(tx, {
        email: p.email,
        qid: p.qid ?? null,
        passportNumber: p.passport?.number ?? null,
        passportCountry: p.passport?.country ?? null,
        nameAr: p.nameAr,
        nameEn: p.nameEn,
        nationality: p.nationality,
        residency: p.residency,
        persona: p.persona ?? null,
        phone: p.phone,
        phoneVerifiedAt: now,
        emailVerifiedAt: now,
        passwordHash,
        locale: p.locale,
      });
      for (const r of p.roles ?? []) await grantRole(tx, user.id, r);
    }
  });
}

/**
 * The accounts that open with the published demo password (the demo people,
 * still as seeded): a portal serving real people must have none, so the
 * portal refuses to start in production while any is left.
 */
export async function accountsWithPublishedPassword(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const p of demoPeople) {
    const user = await findUserByEmail(db, p.email);
    if (user?.passwordHash && (await verifyPassword(user.passwordHash, DEMO_PASSWORD))) found.push(p.email);
  }
  return found;
}
