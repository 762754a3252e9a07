/**
 * Progressive enhancement for every page. The pages work fully without
 * this script; with it, a refused form's error summary takes focus and the
 * page-feedback question is answered without leaving the page.
 */
import { enhanceAutocomplete } from "./autocomplete.js";
import { enhanceFeedback } from "./feedback.js";

function focusErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>("[data-error-summary]");
  summary?.focus();
}

focusErrorSummary();
for (const section of document.querySelectorAll<HTMLElement>("[data-feedback]")) enhanceFeedback(section);
for (const container of document.querySelectorAll<HTMLElement>("[data-autocomplete]")) enhanceAutocomplete(container);

// The service worker (src/client/sw.js): recently read service pages offline, else an offline page.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}
