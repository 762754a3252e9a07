import { z } from "zod";
import { foldDigits, stripControlCharacters } from "../platform/text/clean.js";
import { checkQid, compactIdentifier, normalisePassport, normalisePhone } from "../platform/text/identifiers.js";
import { residencies } from "./model.js";

/** Form text: control characters removed, spaces trimmed. */
const text = (missing: string, max: number, tooLong: string) =>
  z
    .string({ message: missing })
    .transform((v) => stripControlCharacters(v).replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, missing).max(max, tooLong));

const arabicName = text("accounts.errors.nameArMissing", 100, "accounts.errors.nameTooLong").pipe(
  z.string().regex(/^[\p{Script=Arabic}\s'-]+$/u, "accounts.errors.nameArScript"),
);
const englishName = text("accounts.errors.nameEnMissing", 100, "accounts.errors.nameTooLong").pipe(
  z.string().regex(/^[A-Za-z\s'.-]+$/, "accounts.errors.nameEnScript"),
);
const email = text("accounts.errors.emailMissing", 254, "accounts.errors.emailInvalid").pipe(
  z.email("accounts.errors.emailInvalid"),
);
const phone = text("accounts.errors.phoneMissing", 30, "accounts.errors.phoneInvalid").transform((v, ctx) => {
  const e164 = normalisePhone(v);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "accounts.errors.phoneInvalid" });
    return z.NEVER;
  }
  return e164;
});
const password = z
  .string({ message: "accounts.errors.passwordMissing" })
  .min(1, "accounts.errors.passwordMissing")
  .max(1000, "accounts.errors.passwordLong");

const countries = /^[A-Z]{2}$/;

/** The registration form's fields besides the identity document; messages are catalogue keys. */
const registrationFields = z.object({
  nameAr: arabicName,
  nameEn: englishName,
  nationality: z.string({ message: "accounts.errors.nationalityMissing" }).regex(countries, "accounts.errors.nationalityMissing"),
  residency: z.enum(residencies, { message: "accounts.errors.residencyMissing" }),
  phone,
  email,
  password,
  confirmPassword: z.string().optional(),
  locale: z.enum(["ar", "en"]).default("ar"),
});

/**
 * The identity document: only the one chosen is read (a QID checked by its
 * structure, or a passport and its country), however it was typed. It is
 * checked whatever else is wrong, so one submission reports every problem.
 */
const identityFields = z
  .object({
    idType: z.enum(["qid", "passport"], { message: "accounts.errors.idTypeMissing" }),
    qid: z.string().optional(),
    passportNumber: z.string().optional(),
    passportCountry: z.string().optional(),
    residency: z.string().optional(),
  })
  .transform((v, ctx) => {
    let qid: string | null = null;
    let passportNumber: string | null = null;
    let passportCountry: string | null = null;
    if (v.idType === "qid") {
      const checked = checkQid(v.qid ?? "", v.residency);
      if (!compactIdentifier(v.qid ?? ""))
        ctx.addIssue({ code: "custom", path: ["qid"], message: "accounts.errors.qid.missing" });
      else if ("problem" in checked)
        ctx.addIssue({ code: "custom", path: ["qid"], message: `accounts.errors.qid.${checked.problem}` });
      else qid = checked.qid;
    } else {
      const number = normalisePassport(v.passportNumber ?? "");
      if (!number) ctx.addIssue({ code: "custom", path: ["passportNumber"], message: "accounts.errors.passportInvalid" });
      else passportNumber = number;
      const country = (v.passportCountry ?? "").toUpperCase();
      if (!countries.test(country))
        ctx.addIssue({ code: "custom", path: ["passportCountry"], message: "accounts.errors.passportCountryMissing" });
      else passportCountry = country;
    }
    return { idType: v.idType, qid, passportNumber, passportCountry };
  });

/** The form's fields in the order they are shown, so the error summary follows the page. */
export const REGISTRATION_ORDER = [
  "idType",
  "qid",
  "passportNumber",
  "passportCountry",
  "nameAr",
  "nameEn",
  "nationality",
  "residency",
  "phone",
  "email",
  "password",
  "confirmPassword",
];

export type RegistrationInput = z.output<typeof registrationFields> & z.output<typeof identityFields>;

/** Reads a registration: every field checked in one pass, the problems in the page's order. */
export function parseRegistration(
  body: Record<string, unknown>,
): { success: true; data: RegistrationInput } | { success: false; error: z.ZodError } {
  const fields = registrationFields.safeParse(body);
  const identity = identityFields.safeParse(body);
  const issues = [...(fields.success ? [] : fields.error.issues), ...(identity.success ? [] : identity.error.issues)];
  if (body.confirmPassword !== body.password)
    issues.push({ code: "custom", path: ["confirmPassword"], message: "accounts.errors.passwordsDiffer", input: undefined });
  if (fields.success && identity.success && !issues.length) return { success: true, data: { ...fields.data, ...identity.data } };
  const rank = (path: PropertyKey[]) => {
    const i = REGISTRATION_ORDER.indexOf(String(path[0]));
    return i < 0 ? REGISTRATION_ORDER.length : i;
  };
  return { success: false, error: new z.ZodError(issues.sort((a, b) => rank(a.path) - rank(b.path))) };
}

export const signInSchema = z.object({
  identifier: text("accounts.errors.identifierMissing", 254, "accounts.errors.identifierMissing"),
  password,
  returnTo: z.string().optional(),
});

export const codeSchema = z.object({
  code: z
    .string({ message: "accounts.errors.codeMissing" })
    .transform((v) => foldDigits(v.replace(/\s/g, "")))
    .pipe(
      z
        .string()
        .min(1, "accounts.errors.codeMissing")
        .regex(/^\d{6}$/, "accounts.errors.codeFormat"),
    ),
  returnTo: z.string().optional(),
});

/** The account asking for a new password, named as at sign-in: email, QID or passport number, however typed. */
export const resetRequestSchema = z.object({
  identifier: text("accounts.errors.identifierMissing", 254, "accounts.errors.identifierMissing"),
});

export const newPasswordSchema = z
  .object({ password, confirmPassword: z.string().optional() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "accounts.errors.passwordsDiffer" });

export const profileSchema = z.object({
  nameAr: arabicName,
  nameEn: englishName,
  nationality: z.string({ message: "accounts.errors.nationalityMissing" }).regex(countries, "accounts.errors.nationalityMissing"),
  residency: z.enum(residencies, { message: "accounts.errors.residencyMissing" }),
  persona: z
    .string()
    .regex(/^[a-z-]*$/)
    .max(60)
    .optional(),
  phone,
  email,
  locale: z.enum(["ar", "en"], { message: "accounts.errors.localeMissing" }),
  notify: z.union([z.string(), z.array(z.string())]).optional(),
});
