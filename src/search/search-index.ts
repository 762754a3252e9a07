import type { ContentPage } from "../pages/content.js";
import type { Db } from "../platform/db/client.js";
import { versionStamp } from "../platform/db/versions.js";
import type { DocType, SearchDoc } from "./documents.js";
import { SearchEngine } from "./engine.js";
import { readBestBets, readSynonyms, SEARCH_SETTINGS_VERSION } from "./settings.js";
import { loadSearchPart, partsToRead, type SourcePart, sourceParts } from "./sources.js";

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

/**
 * The search index of one instance. It is built from the database at start
 * and follows the content counters (any instance may have published), so
 * every instance follows every change within a few seconds. A change reads
 * again only the parts of the index it touches (a new synonym or poll does
 * not read 100,000 services again); the engine is then rebuilt from the
 * documents kept in memory, its words' analysis remembered.
 */
export class SearchIndex {
  private current: SearchEngine = new SearchEngine([]);
  private stamps: Map<string, string> | undefined;
  private readonly parts = new Map<SourcePart, SearchDoc[]>();
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;
  /** What the last build read from the database, and how many documents it indexed. */
  lastBuild: { read: SourcePart[]; documents: number } | undefined;

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

  /** Reads every part of the index from the database and swaps the new index in. */
  async rebuild(): Promise<void> {
    await this.build(new Set(sourceParts), await contentStamps(this.db));
  }

  private async build(read: Set<SourcePart>, stamps: Map<string, string>): Promise<void> {
    const started = performance.now();
    const [fresh, synonyms, bestBets] = await Promise.all([
      Promise.all([...read].map(async (part) => [part, await loadSearchPart(this.db, this.pages, part)] as const)),
      readSynonyms(this.db),
      readBestBets(this.db),
    ]);
    for (const [part, docs] of fresh) this.parts.set(part, docs);
    const docs = sourceParts.flatMap((part) => this.parts.get(part) ?? []);
    this.current = new SearchEngine(docs, synonyms, bestBets);
    this.stamps = stamps;
    this.lastBuild = { read: sourceParts.filter((p) => read.has(p)), documents: docs.length };
    this.log?.info(
      { documents: docs.length, read: [...read], ms: Math.round(performance.now() - started) },
      "search index built",
    );
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
