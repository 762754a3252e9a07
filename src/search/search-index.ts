import { serviceChangesSince, serviceTextSources } from "../catalogue/service.js";
import type { ContentPage } from "../pages/content.js";
import type { Db } from "../platform/db/client.js";
import { versionStamp } from "../platform/db/versions.js";
import type { DocType, SearchDoc } from "./documents.js";
import { SearchEngine } from "./engine.js";
import { readBestBets, readSynonyms, SEARCH_SETTINGS_VERSION } from "./settings.js";
import { catalogueDocsOf, loadSearchPart, partsToRead, type SourcePart, sourceParts } from "./sources.js";

/**
 * A catalogue change is read as the services written since the last read,
 * less this margin: a write stamps its row with its own clock, and may
 * commit a little after another instance read the latest stamp.
 */
const CHANGE_MARGIN_MS = 60_000;
/** More changed services than this are read with the whole catalogue (one pass beats thousands of lookups). */
const MAX_CHANGED_SERVICES = 2000;

/** The service a catalogue document belongs to (a form's is in its address). */
const serviceOf = (d: SearchDoc) => (d.type === "service" ? d.slug : d.type === "form" ? d.path.split("/")[2] : undefined);

export interface IndexLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The content counters by name. */
async function contentStamps(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const pair of (await versionStamp(db)).split(",")) {
    const at = pair.lastIndexOf("=");
    if (at > 0) out.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return out;
}

const sameText = (a: { ar: string; en: string } | undefined, b: { ar: string; en: string } | undefined) =>
  a?.ar === b?.ar && a?.en === b?.en;
const sameList = (a: string[] | undefined, b: string[] | undefined) =>
  (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((x, i) => x === b?.[i]);

/** Whether two readings of a document are the same (then the index need not touch it). */
export function sameDoc(a: SearchDoc, b: SearchDoc): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.slug === b.slug &&
    a.path === b.path &&
    sameText(a.title, b.title) &&
    sameText(a.summary, b.summary) &&
    a.keywords === b.keywords &&
    sameList(a.names, b.names) &&
    a.purpose === b.purpose &&
    a.body === b.body &&
    a.agency?.slug === b.agency?.slug &&
    sameText(a.agency?.name, b.agency?.name) &&
    sameList(a.personas, b.personas) &&
    a.maturity === b.maturity &&
    a.popularity === b.popularity &&
    a.language === b.language
  );
}

/** What changed between two readings of a part: the ids gone, and the documents new or different. */
export function changesBetween(before: SearchDoc[], after: SearchDoc[]): { removed: string[]; upserted: SearchDoc[] } {
  const old = new Map(before.map((d) => [d.id, d]));
  const upserted: SearchDoc[] = [];
  for (const d of after) {
    const o = old.get(d.id);
    if (!o || !sameDoc(o, d)) upserted.push(d);
    old.delete(d.id);
  }
  return { removed: [...old.keys()], upserted };
}

/**
 * The search index of one instance. It is built from the database at start
 * and follows the content counters (any instance may have published), so
 * every instance follows every change within a few seconds. A change reads
 * again only the parts of the index it touches (a new synonym or poll does
 * not read 100,000 services again), and the index is updated in place
 * with only the documents that differ from what it holds (their old
 * postings removed, their new ones added, the statistics kept exact).
 */
export class SearchIndex {
  private current: SearchEngine = new SearchEngine([]);
  private stamps: Map<string, string> | undefined;
  private readonly parts = new Map<SourcePart, SearchDoc[]>();
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;
  /** What the last build read from the database, and how many documents it indexed. */
  lastBuild: { read: SourcePart[]; documents: number; changed?: number | undefined; services?: number } | undefined;
  /** The latest service write the catalogue was read up to, and what services' text borrows from other rows then. */
  private catalogueSeen: { latest: Date | undefined; sources: string } | undefined;

  constructor(
    private readonly db: Db,
    private readonly pages: ContentPage[],
    private readonly log?: IndexLog,
  ) {}

  get engine(): SearchEngine {
    return this.current;
  }

  /** The content counters the index was built from, as the page cache reads them (it keeps a results page only when they are current). */
  get builtFrom(): string | undefined {
    if (!this.stamps) return undefined;
    return [...this.stamps].map(([name, value]) => `${name}=${value}`).join(",");
  }

  /** Whether search finds the thing of this kind and address name, once the index has followed the latest changes. */
  async finds(type: DocType, slug: string): Promise<boolean> {
    await this.refreshIfChanged();
    return this.current.finds(type, slug);
  }

  /** Reads every part of the index from the database and swaps a freshly built index in. */
  async rebuild(): Promise<void> {
    await this.build(new Set(sourceParts), await contentStamps(this.db), true);
  }

  private async build(read: Set<SourcePart>, stamps: Map<string, string>, afresh = false): Promise<void> {
    const started = performance.now();
    const incremental = !afresh && this.stamps !== undefined && this.parts.size === sourceParts.length;
    let services: number | undefined;
    const readPart = async (part: SourcePart) => {
      if (part !== "catalogue") return loadSearchPart(this.db, this.pages, part);
      const { docs, rows } = await this.readCatalogue(incremental);
      services = rows;
      return docs;
    };
    const [fresh, synonyms, bestBets] = await Promise.all([
      Promise.all([...read].map(async (part) => [part, await readPart(part)] as const)),
      readSynonyms(this.db),
      readBestBets(this.db),
    ]);
    let changed: number | undefined;
    if (incremental) {
      const removed: string[] = [];
      const upserted: SearchDoc[] = [];
      for (const [part, docs] of fresh) {
        const diff = changesBetween(this.parts.get(part) ?? [], docs);
        removed.push(...diff.removed);
        upserted.push(...diff.upserted);
        this.parts.set(part, docs);
      }
      this.current.update(removed, upserted);
      this.current.setSettings(synonyms, bestBets);
      changed = removed.length + upserted.length;
    } else {
      for (const [part, docs] of fresh) this.parts.set(part, docs);
      this.current = new SearchEngine(
        sourceParts.flatMap((part) => this.parts.get(part) ?? []),
        synonyms,
        bestBets,
      );
    }
    this.stamps = stamps;
    const documents = this.current.documentCount;
    this.lastBuild = {
      read: sourceParts.filter((p) => read.has(p)),
      documents,
      changed,
      ...(services === undefined ? {} : { services }),
    };
    this.log?.info(
      { documents, read: [...read], services, changed, ms: Math.round(performance.now() - started) },
      changed === undefined ? "search index built" : "search index updated",
    );
  }

  /**
   * The catalogue's documents. Following a change, only the services written
   * since the last read are read (each write stamps updated_at; a withdrawn
   * service leaves with its forms), unless what every service's text borrows
   * (agencies' names, personas, categories, life events) changed too: then,
   * as at start, every published service is read.
   */
  private async readCatalogue(incremental: boolean): Promise<{ docs: SearchDoc[]; rows: number }> {
    const seen = this.catalogueSeen;
    const since = incremental && seen?.latest ? new Date(seen.latest.getTime() - CHANGE_MARGIN_MS) : undefined;
    const [sources, changes] = await Promise.all([serviceTextSources(this.db), serviceChangesSince(this.db, since)]);
    const before = this.parts.get("catalogue");
    let out: { docs: SearchDoc[]; rows: number };
    if (since && seen?.sources === sources && before && changes.changed.length <= MAX_CHANGED_SERVICES) {
      const slugs = new Set(changes.changed.map((c) => c.slug));
      const fresh = await catalogueDocsOf(
        this.db,
        changes.changed.filter((c) => c.published).map((c) => c.id),
      );
      const kept = before.filter((d) => !slugs.has(serviceOf(d) ?? ""));
      out = { docs: [...kept, ...fresh], rows: changes.changed.length };
    } else {
      const docs = await loadSearchPart(this.db, this.pages, "catalogue");
      out = { docs, rows: docs.filter((d) => d.type === "service").length };
    }
    this.catalogueSeen = { latest: changes.latest, sources };
    return out;
  }

  /** Rebuilds when the content counters have moved since the last build, reading again only what they touch. */
  async refreshIfChanged(): Promise<boolean> {
    if (this.building) return false;
    const stamps = await contentStamps(this.db);
    const before = this.stamps;
    const changed = [...new Set([...stamps.keys(), ...(before?.keys() ?? [])])].filter((k) => stamps.get(k) !== before?.get(k));
    if (before && changed.length === 0) return false;
    const read = before ? partsToRead(changed) : new Set(sourceParts);
    // A counter search does not follow (the home page's highlights): nothing to read, no index to rebuild.
    if (read.size === 0 && !changed.includes(SEARCH_SETTINGS_VERSION)) {
      this.stamps = stamps;
      return false;
    }
    this.building = this.build(read, stamps).finally(() => {
      this.building = undefined;
    });
    await this.building;
    return true;
  }

  start(seconds: number): void {
    this.timer = setInterval(() => {
      this.refreshIfChanged().catch((error) => this.log?.warn({ err: error }, "search index refresh failed"));
    }, seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
