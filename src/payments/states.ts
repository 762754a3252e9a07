import type { GatewayPayment } from "./gateway.js";

/**
 * A payment attempt's life at the portal. `created` before the gateway
 * knows it, `pending` while the person is at the gateway (or their bank is
 * slow), `authorised` once the bank agreed, `captured` once the money is
 * taken; `failed` (declined or cancelled), `expired`, `refunded`.
 */
export const paymentStatuses = ["created", "pending", "authorised", "captured", "failed", "expired", "refunded"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * The moves allowed. A payment the portal gave up on (expired) that the
 * bank completes after all is still recorded: money taken is never lost.
 */
const moves: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: ["pending", "authorised", "captured", "failed", "expired"],
  pending: ["authorised", "captured", "failed", "expired"],
  authorised: ["captured", "failed", "expired"],
  captured: ["refunded"],
  failed: [],
  expired: ["authorised", "captured"],
  refunded: [],
};

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return moves[from].includes(to);
}

/** Still waiting for the person or their bank. */
export const unfinished: readonly PaymentStatus[] = ["created", "pending", "authorised"];

/** The portal's status for what the gateway reports, with why it failed when it did. */
export function fromGateway(g: GatewayPayment): { status: PaymentStatus; reason?: string } {
  switch (g.status) {
    case "created":
    case "pending":
      return { status: "pending" };
    case "authorised":
      return { status: "authorised" };
    case "captured":
      return { status: "captured" };
    case "declined":
    case "cancelled":
      return { status: "failed", reason: g.status };
    case "expired":
      return { status: "expired" };
    case "refunded":
      return { status: "refunded" };
  }
}

/** Amounts are kept as decimal strings ("150.00"); sums are done in dirhams (hundredths). */
export const toDirhams = (amount: string): number => Math.round(Number(amount) * 100);
export const fromDirhams = (dirhams: number): string => (dirhams / 100).toFixed(2);
