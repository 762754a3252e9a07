import { z } from "zod";
import { toCents } from "./model.js";

const key = (name: string) => `sandboxGateway.api.errors.${name}`;

/** A positive amount as a decimal string with at most two decimal places: "150.00", "7.5", "12". */
export const amountSchema = z
  .string(key("amount"))
  .regex(/^\d{1,10}(\.\d{1,2})?$/, key("amount"))
  .refine((v) => toCents(v) > 0, key("amount"));

const absoluteUrl = (name: string) => z.url({ protocol: /^https?$/, message: key(name) }).max(2000, key(name));

/** POST /payments */
export const createPaymentSchema = z.object({
  amount: amountSchema,
  currency: z.literal("QAR", key("currency")),
  description: z.string(key("description")).trim().min(1, key("description")).max(200, key("description")),
  reference: z.string(key("reference")).trim().min(1, key("reference")).max(100, key("reference")),
  returnUrl: absoluteUrl("returnUrl"),
  notifyUrl: absoluteUrl("notifyUrl"),
  language: z.enum(["ar", "en"], key("language")).default("ar"),
});
export type CreatePaymentInput = z.infer<typeof createPaymentSchema>;

/** POST /payments/:id/refund */
export const refundSchema = z.object({ amount: amountSchema });

const day = z.iso.date(key("days"));

/** GET /payments?from=YYYY-MM-DD&to=YYYY-MM-DD: at most a year at a time. */
export const listQuerySchema = z
  .object({ from: day, to: day })
  .refine(({ from, to }) => from <= to && Date.parse(to) - Date.parse(from) <= 366 * 86_400_000, key("days"));

/** The :id of an address: a payment id or nothing at all. */
export const paymentParams = z.object({ id: z.string().regex(/^pay_[a-z0-9]{24}$/) });

/** The Idempotency-Key header: up to 255 visible ASCII characters. */
export const idempotencyKeySchema = z.string(key("idempotencyKey")).regex(/^[\x21-\x7e]{1,255}$/, key("idempotencyKey"));
