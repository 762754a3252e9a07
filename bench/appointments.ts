/**
 * Bookings per second against a busy day of a large centre: 20 simulated
 * people at once, each looking at the day's free times and booking one
 * (hold, then confirm), moving and cancelling earlier bookings, for
 * BENCH_SECONDS, through the booking service (src/appointments, the same
 * calls the pages and the API make). Prints the operations per second, p50
 * and p99, the refusals by reason, and checks during the run (every two
 * seconds) and at the end that no slot holds more than its places or
 * miscounts them (overbookedSlots): exits non-zero if one does.
 * Run with `npm run bench:appointments`.
 *
 * On PostgreSQL (BENCH_DATABASE_URL, else DATABASE_URL, else the local
 * server; a database is made for the run and dropped after), then on the
 * embedded PGlite (one connection: the same work one step after another)
 * unless BENCH_PGLITE=0; then through HTTP against the portal running in
 * its own process (bench/appointments-http.ts) unless BENCH_HTTP=0.
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { BookingRefused, Bookings } from "../src/appointments/booking.js";
import { type Booking, centreBySlug, overbookedSlots } from "../src/appointments/repository.js";
import { type Database, openDatabase } from "../src/platform/db/client.js";
import { runMigrations } from "../src/platform/db/migrate.js";
import { busyDay, CENTRE, COUNTERS, MINUTES, SERVICE } from "./support/busy-day.js";
import { SERVER, scratchDatabase } from "./support/figures.js";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
type Op = "book" | "move" | "cancel" | "read";

interface Tally {
  latencies: Record<Op, number[]>;
  refused: Map<string, number>;
  errors: string[];
}

async function timed<T>(tally: Tally, op: Op, work: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await work();
    tally.latencies[op].push(performance.now() - started);
    return result;
  } catch (error) {
    if (error instanceof BookingRefused) {
      const key = `${op}: ${error.reason}`;
      tally.refused.set(key, (tally.refused.get(key) ?? 0) + 1);
      return undefined;
    }
    tally.errors.push(`${op}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * One simulated person at the counter's website, again and again: while they
 * hold fewer than five bookings (each made as a different person: one
 * booking per person per service), they book; then they book, move or cancel
 * (2 : 1 : 2, so the day stays about as full as it started). Booking is
 * reading the day's free times, as the page does, then holding a free one at
 * random and confirming it; moving is to another time shown free.
 */
async function person(bookings: Bookings, day: string, until: number, tally: Tally): Promise<void> {
  const centre = await centreBySlug(bookings.database, CENTRE);
  if (!centre) throw new Error("no centre");
  const mine: Booking[] = [];
  const freeTime = async () => {
    const times = await timed(tally, "read", () => bookings.freeTimes(centre, SERVICE, day));
    const free = (times ?? []).filter((t) => t.free > 0);
    return free[Math.floor(Math.random() * free.length)]?.startsAt;
  };
  while (Date.now() < until) {
    const r = Math.random();
    const choice: Op = mine.length < 5 || r < 0.4 ? "book" : r < 0.6 ? "move" : "cancel";
    if (choice === "book") {
      const startsAt = await freeTime();
      if (!startsAt) continue;
      const userId = randomUUID();
      const booked = await timed(tally, "book", async () => {
        const held = await bookings.hold({ userId, centreSlug: CENTRE, serviceSlug: SERVICE, startsAt, locale: "ar" });
        return bookings.confirm(userId, held.id);
      });
      if (booked) mine.push(booked);
    } else if (choice === "move") {
      const at = Math.floor(Math.random() * mine.length);
      const b = mine[at] as Booking;
      const startsAt = await freeTime();
      if (!startsAt) continue;
      const moved = await timed(tally, "move", () => bookings.move(b.userId, b.id, startsAt));
      if (moved) mine[at] = moved;
    } else {
      const [b] = mine.splice(Math.floor(Math.random() * mine.length), 1);
      if (b) await timed(tally, "cancel", () => bookings.cancel(b.userId, b.id));
    }
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function run(label: string, database: Database): Promise<boolean> {
  const setupStarted = Date.now();
  const { day, places, bookedBefore } = await busyDay(database);
  const bookings = new Bookings(database.db);
  const tally: Tally = { latencies: { book: [], move: [], cancel: [], read: [] }, refused: new Map(), errors: [] };
  const started = Date.now();
  const until = started + SECONDS * 1000;
  // Looked at during the run too, every two seconds, not only once it is over.
  let checks = 0;
  let worst = 0;
  const watch = (async () => {
    while (Date.now() < until) {
      await new Promise((done) => setTimeout(done, 2000));
      worst = Math.max(worst, await overbookedSlots(database.db));
      checks++;
    }
  })();
  await Promise.all([...Array.from({ length: PEOPLE }, () => person(bookings, day, until, tally)), watch]);
  const seconds = (Date.now() - started) / 1000;
  const overbooked = await overbookedSlots(database.db);
  const live = (await database.db.execute(sql`select count(*)::int as n from appointment_bookings
    where service_slug = ${SERVICE} and status in ('held', 'booked', 'checked-in', 'no-show')`)) as unknown as {
    rows: { n: number }[];
  };
  const active = live.rows[0]?.n ?? 0;

  console.log(
    `\n### Appointments on ${label}: ${PEOPLE} people at once for ${seconds.toFixed(0)} s against one busy day ` +
      `(${places} places in ${places / COUNTERS} slots of ${MINUTES} min at ${COUNTERS} counters, ${bookedBefore} booked before; ` +
      `set up in ${((started - setupStarted) / 1000).toFixed(1)} s; ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")})\n`,
  );
  console.log("| operation | done | per second | p50 ms | p99 ms |");
  console.log("| --- | --- | --- | --- | --- |");
  const names: Record<Op, string> = {
    book: "booking (hold + confirm)",
    move: "move",
    cancel: "cancel",
    read: "free times of the day (read)",
  };
  for (const op of ["book", "move", "cancel", "read"] as const) {
    const sorted = [...tally.latencies[op]].sort((a, b) => a - b);
    console.log(
      `| ${names[op]} | ${sorted.length} | ${(sorted.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
    );
  }
  const refusals = [...tally.refused.entries()].sort();
  console.log(`\nRefusals by reason: ${refusals.length ? refusals.map(([k, n]) => `${k} ${n}`).join(", ") : "none"}`);
  console.log(`Errors (not refusals): ${tally.errors.length}${tally.errors.length ? ` — first: ${tally.errors[0]}` : ""}`);
  console.log(`Live bookings of the day at the end: ${active} of ${places} places`);
  console.log(
    `Slots over their places or miscounted (overbookedSlots): ${overbooked} at the end, at most ${worst} in ${checks} looks during the run`,
  );
  return overbooked === 0 && worst === 0 && tally.errors.length === 0;
}

let ok = true;
const scratch = await scratchDatabase("hukoomi_bench_appointments");
try {
  const database = await openDatabase({ url: scratch.url, poolSize: PEOPLE + 4 });
  try {
    await runMigrations(database, scratch.url);
    ok = (await run(`PostgreSQL (${new URL(SERVER).host})`, database)) && ok;
  } finally {
    await database.close();
  }
} finally {
  await scratch.drop();
}
if (process.env.BENCH_PGLITE !== "0") {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await runMigrations(database);
    ok = (await run("PGlite (in memory, one connection)", database)) && ok;
  } finally {
    await database.close();
  }
}
if (process.env.BENCH_HTTP !== "0") {
  const { httpRun } = await import("./appointments-http.js");
  ok = (await httpRun(PEOPLE, SECONDS, percentile)) && ok;
}
if (!ok) {
  console.error(
    "\nFAILED: a slot holds more bookings than places, its count disagrees with its bookings, or an operation failed",
  );
  process.exit(1);
}
