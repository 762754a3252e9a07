import type { ContentPage } from "../pages/content.js";
import { publishedItemsStamp } from "../participation/listing.js";
import type { Db } from "../platform/db/client.js";
import { versionStamp } from "../platform/db/versions.js";
import { SearchEngine } from "./engine.js";
import { readBestBets, readSynonyms } from "./settings.js";
import { loadSearchDocs } from "./sources.js";

export interface IndexLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The search index of one instance. It is built from the database at start
 * and rebuilt whenever the content counters change (any instance may have
 * published), so every instance follows every change within a few seconds.
 */
export class SearchIndex {
  private current: SearchEngine = new SearchEngine([]);
  private stamp: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly pages: ContentPage[],
    private readonly log?: IndexLog,
  ) {}

  get engine(): SearchEngine {
    return this.current;
  }

  /** The content counters, and the participation items' signature (they have no counter of their own). */
  private async contentStamp(): Promise<string> {
    const [versions, participation] = await Promise.all([versionStamp(this.db), publishedItemsStamp(this.db)]);
    return `${versions};${participation}`;
  }

  /** Builds a new index from the database and swaps it in. */
  async rebuild(): Promise<void> {
    const started = performance.now();
    const stamp = await this.contentStamp();
    const [docs, synonyms, bestBets] = await Promise.all([
      loadSearchDocs(this.db, this.pages),
      readSynonyms(this.db),
      readBestBets(this.db),
    ]);
    this.current = new SearchEngine(docs, synonyms, bestBets);
    this.stamp = stamp;
    this.log?.info({ documents: docs.length, ms: Math.round(performance.now() - started) }, "search index built");
  }

  /** Rebuilds when the content counters have moved since the last build. */
  async refreshIfChanged(): Promise<boolean> {
    if (this.building) return false;
    const stamp = await this.contentStamp();
    if (stamp === this.stamp) return false;
    this.building = this.rebuild().finally(() => {
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
