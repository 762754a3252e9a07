import { analyze } from "../../search/analyzer/index.js";

/**
 * Which searches that found nothing concern an agency. The portal does not
 * know what a person meant, so the rule is about words: a query concerns an
 * agency when one of its words, after the search analyzer (letters folded,
 * stop words dropped, words stemmed), is a word of the agency's name or of
 * the title or keywords of one of its published services — and that word
 * belongs to no more than MAX_AGENCIES_PER_WORD agencies, so that common
 * words ("ministry", "permit", "service") do not hand every query to every
 * agency. The same query may concern several agencies.
 */
export const MAX_AGENCIES_PER_WORD = 3;

export class QueryAttribution {
  /** For each distinctive word, the agencies whose words it is. */
  private readonly owners = new Map<string, Set<string>>();

  /** `texts`: each agency's names, service titles and keywords (the catalogue's agencyWords). */
  constructor(texts: Map<string, string[]>) {
    for (const [agency, list] of texts) {
      for (const text of list) {
        for (const term of analyze(text)) {
          const set = this.owners.get(term) ?? new Set<string>();
          set.add(agency);
          this.owners.set(term, set);
        }
      }
    }
    for (const [term, set] of this.owners) if (set.size > MAX_AGENCIES_PER_WORD) this.owners.delete(term);
  }

  /** The words of `query` that tie it to `agency` (none: the query does not concern it). */
  matchingTerms(query: string, agency: string): string[] {
    return [...new Set(analyze(query))].filter((term) => this.owners.get(term)?.has(agency));
  }

  concerns(query: string, agency: string): boolean {
    return this.matchingTerms(query, agency).length > 0;
  }
}
