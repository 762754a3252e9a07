import type { ContentPage } from "../pages/content.js";
import type { Locale } from "../platform/i18n/locales.js";
import { words } from "../platform/text/normalize.js";

export interface SearchHit {
  title: string;
  description: string;
  path: string;
  score: number;
}

/** A word of the query matches a word of the text that equals it or, from three letters on, starts with it. */
function matches(queryWord: string, textWords: Set<string>): boolean {
  if (textWords.has(queryWord)) return true;
  if (queryWord.length < 3) return false;
  for (const w of textWords) if (w.startsWith(queryWord)) return true;
  return false;
}

/**
 * Searches the portal's own pages in one language: every query word must
 * match; title matches weigh more than body matches.
 */
export function searchContentPages(pages: ContentPage[], query: string, locale: Locale): SearchHit[] {
  const q = words(query);
  if (q.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const page of pages) {
    const text = page.text[locale];
    const titleWords = new Set(words(text.title));
    const bodyWords = new Set(words(`${text.description} ${text.plain}`));
    let score = 0;
    for (const w of q) {
      if (matches(w, titleWords)) score += 3;
      else if (matches(w, bodyWords)) score += 1;
      else {
        score = 0;
        break;
      }
    }
    if (score > 0) hits.push({ title: text.title, description: text.description, path: page.path, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}
