import { describe, expect, it } from "vitest";
import type { Booking } from "../repository.js";
import { clockTime, deskSlots } from "./day.js";

const at = (time: string) => new Date(`2026-12-20T${time}:00+03:00`);
let n = 0;
const booking = (time: string, service: string, status: Booking["status"]): Booking => ({
  id: `b${++n}`,
  reference: `AP-${n}`,
  checkInCode: "",
  userId: "u",
  centreId: "c",
  serviceSlug: service,
  slotId: `${time}-${service}`,
  startsAt: at(time),
  minutes: 10,
  status,
  holdExpiresAt: null,
  caseId: null,
  locale: "ar",
  checkedInAt: null,
  cancelledBy: null,
  createdAt: new Date(Date.UTC(2026, 11, 1, 0, n)),
});

describe("the desk's day", () => {
  it("puts slots in time order and numbers each slot's counters in booking order, skipping cancelled visits", () => {
    const slots = deskSlots([
      booking("08:00", "renew-id-card", "booked"),
      booking("07:00", "issue-id-card", "booked"),
      booking("07:00", "issue-id-card", "cancelled"),
      booking("07:00", "issue-id-card", "checked-in"),
      booking("07:00", "another", "no-show"),
    ]);
    expect(slots.map((s) => `${clockTime(s.startsAt)} ${s.serviceSlug}`)).toEqual([
      "07:00 another",
      "07:00 issue-id-card",
      "08:00 renew-id-card",
    ]);
    expect(slots[1]?.rows.map((r) => [r.booking.status, r.counter])).toEqual([
      ["booked", 1],
      ["cancelled", undefined],
      ["checked-in", 2],
    ]);
    expect(slots[0]?.rows[0]?.counter).toBe(1);
  });
});
