import ical, { ICalAlarmType, type ICalLuxonDateTimeStub } from "ical-generator";
import { DOHA_TIME_ZONE, dohaWallClock } from "../platform/time/doha.js";

/**
 * A visit as a calendar file (RFC 5545) people add to their phone's
 * calendar: its time in Doha's time zone (described in the file, UTC+3 all
 * year, so no calendar has to know the zone), the service and centre in the
 * language the person booked in, and a reminder the day before.
 */
export interface CalendarVisit {
  id: string;
  startsAt: Date;
  minutes: number;
  summary: string;
  location: string;
  description: string;
  url: string;
  /** When the file is made. */
  stamp: Date;
  /** The portal's host, for the event's unique id. */
  host: string;
}

/** Doha's zone as a calendar describes it: one offset, +03:00, since 1970. */
function dohaZone(name: string): string | null {
  if (name !== DOHA_TIME_ZONE) return null;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${DOHA_TIME_ZONE}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0300",
    "TZNAME:+03",
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

/**
 * A moment as ical-generator reads a date-time that knows its zone (its
 * Luxon stub), already in Doha: the file says "08:15 in Asia/Qatar" and
 * never depends on the server's own zone.
 */
function inDoha(at: Date): ICalLuxonDateTimeStub {
  const iso = dohaWallClock(at).toISOString();
  const formats: Record<string, string> = {
    yyyyLLdd: iso.slice(0, 10).replaceAll("-", ""),
    HHmmss: iso.slice(11, 19).replaceAll(":", ""),
  };
  const moment: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: "iana" },
    setZone: () => moment,
    toFormat: (format) => {
      const text = formats[format];
      if (text === undefined) throw new Error(`calendar file: no format ${format}`);
      return text;
    },
    toJSDate: () => at,
    toJSON: () => at.toISOString(),
  };
  return moment;
}

export function visitCalendar(v: CalendarVisit, productName: string): string {
  const calendar = ical({
    prodId: { company: "Hukoomi", product: productName },
    timezone: { name: DOHA_TIME_ZONE, generator: dohaZone },
  });
  const event = calendar.createEvent({
    id: `${v.id}@${v.host}`,
    start: inDoha(v.startsAt),
    end: inDoha(new Date(v.startsAt.getTime() + v.minutes * 60_000)),
    stamp: inDoha(v.stamp),
    timezone: DOHA_TIME_ZONE,
    summary: v.summary,
    location: v.location,
    description: v.description,
    url: v.url,
  });
  event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 3600, description: v.summary });
  return calendar.toString();
}
