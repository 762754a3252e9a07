import { scratchCluster } from "../support/scratch-cluster.js";
import { SLUG } from "../support/session.js";
import { markdownTable, type PartResult, QUIET, setting, sleep } from "./common.js";

/** Answers that mean "the request may not have been handled: press the button again". */
const RETRYABLE = new Set([502, 503, 504]);

/**
 * Crash: two instances behind nginx while people submit requests, one of
 * them killed with SIGKILL every few seconds and started again. A person
 * whose click got no answer (a dropped connection or a 502/503/504) presses
 * the button again on the same draft. Afterwards every acknowledged
 * submission is in the database exactly once, and no draft became two cases.
 */
export async function crashDuringSubmissions(): Promise<PartResult> {
  const seconds = setting("CHAOS_SECONDS", 60);
  const workers = setting("CHAOS_WORKERS", 6);
  const killEvery = setting("CHAOS_KILL_EVERY", 2);
  const tries = setting("CHAOS_TRIES", 30);

  const { cluster, db, session, drafts: draftsOf, close } = await scratchCluster("chaos_crash", { env: QUIET });
  try {
    const drafts = await draftsOf(Math.max(200, seconds * workers * 4));

    const counts = { attempts: 0, acknowledged: 0, retries: 0, gaveUp: 0, refused: 0, kills: 0 };
    const acknowledged = new Map<string, string>();
    const tried: string[] = [];
    const refusals: string[] = [];
    const stopAt = Date.now() + seconds * 1000;
    let next = 0;

    const submitOne = async (draft: string) => {
      for (let attempt = 1; attempt <= tries; attempt++) {
        counts.attempts++;
        if (attempt > 1) counts.retries++;
        let status = 0;
        let location = "";
        try {
          const answer = await session.post(`/en/eservices/${SLUG}/${draft}/submit`, { declaration: "yes" });
          status = answer.status;
          location = answer.location;
        } catch {
          // The connection dropped: no answer at all.
        }
        if (status === 303) {
          const reference = /\/my\/requests\/([^/?]+)/.exec(location)?.[1];
          if (reference) {
            counts.acknowledged++;
            acknowledged.set(draft, reference);
          } else {
            counts.refused++;
            refusals.push(`303 to ${location}`);
          }
          return;
        }
        if (status !== 0 && !RETRYABLE.has(status)) {
          counts.refused++;
          refusals.push(String(status));
          return;
        }
        await sleep(250);
      }
      counts.gaveUp++;
    };

    const worker = async () => {
      while (Date.now() < stopAt && next < drafts.length) {
        const draft = drafts[next++] as string;
        tried.push(draft);
        await submitOne(draft);
      }
    };

    // Every few seconds a serving instance is killed, while another serves (the proxy always has
    // somewhere to go); it starts again in the background, and is a candidate again once ready.
    const restarts: Promise<void>[] = [];
    const restartFailures: string[] = [];
    const killer = async () => {
      const instances = cluster.instances;
      const ready = instances.map(() => true);
      for (let k = 0; Date.now() < stopAt; ) {
        await sleep(killEvery * 1000);
        if (Date.now() >= stopAt) break;
        const up = instances.flatMap((_, i) => (ready[i] ? [i] : []));
        if (up.length < 2) continue;
        const index = up[k++ % up.length] as number;
        const victim = instances[index] as (typeof instances)[number];
        ready[index] = false;
        victim.kill();
        counts.kills++;
        restarts.push(
          victim.restart().then(
            () => {
              ready[index] = true;
            },
            (error: Error) => {
              restartFailures.push(error.message);
            },
          ),
        );
      }
    };

    await Promise.all([killer(), ...Array.from({ length: workers }, worker)]);
    await Promise.all(restarts);

    const { rows } = await db.query<{ draft_id: string; reference: string }>(
      "select draft_id, reference from eservice_cases where draft_id = any($1::uuid[])",
      [tried],
    );
    const casesByDraft = new Map<string, string[]>();
    for (const r of rows) casesByDraft.set(r.draft_id, [...(casesByDraft.get(r.draft_id) ?? []), r.reference]);
    const references = new Map<string, number>();
    for (const r of rows) references.set(r.reference, (references.get(r.reference) ?? 0) + 1);
    let missing = 0;
    for (const [draft, reference] of acknowledged) {
      const found = casesByDraft.get(draft) ?? [];
      if (found.length !== 1 || found[0] !== reference) missing++;
    }
    const duplicates =
      [...casesByDraft.values()].filter((refs) => refs.length > 1).length + [...references.values()].filter((n) => n > 1).length;

    const failures: string[] = [];
    if (counts.acknowledged === 0) failures.push("crash: no submission was acknowledged");
    if (counts.kills === 0) failures.push("crash: no instance was killed");
    for (const message of restartFailures) failures.push(`crash: an instance did not start again: ${message}`);
    if (missing > 0) failures.push(`crash: ${missing} acknowledged submissions are missing or differ in the database`);
    if (duplicates > 0) failures.push(`crash: ${duplicates} drafts or references became more than one case`);
    if (refusals.length > 0)
      failures.push(`crash: ${refusals.length} submissions were refused (${[...new Set(refusals)].join(", ")})`);
    return {
      title: `Crash: 2 instances behind nginx, one killed with SIGKILL every ${killEvery} s while the other serves, and restarted, ${workers} people submitting for ${seconds} s`,
      table: markdownTable({
        "drafts submitted": tried.length,
        attempts: counts.attempts,
        acknowledged: counts.acknowledged,
        retries: counts.retries,
        "gave up": counts.gaveUp,
        kills: counts.kills,
        "cases in the database": rows.length,
        missing,
        duplicates,
      }),
      failures,
    };
  } finally {
    await close();
  }
}
