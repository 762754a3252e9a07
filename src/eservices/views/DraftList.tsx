import { usePage } from "../../platform/layout/page-context.js";
import type { DraftSummary } from "./ApplyPages.js";

/** Unfinished applications, each to continue or delete, with the day it will be deleted. */
export function DraftList({ drafts }: { drafts: DraftSummary[] }) {
  const { t, date, href, csrfToken } = usePage();
  return (
    <ul class="draft-list">
      {drafts.map((d) => (
        <li class="draft-list__item" key={d.id}>
          <a class="draft-list__title" href={d.continueHref}>
            {t("eservices.drafts.continue", { service: d.title })}
          </a>
          <p class="draft-list__meta">{t("eservices.drafts.meta", { saved: date(d.updatedAt), expires: date(d.expiresAt) })}</p>
          <form method="post" action={href(`/eservices/${d.eservice}/${d.id}/delete`)}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button class="link-button" type="submit">
              {t("eservices.drafts.delete")}
              <span class="visually-hidden"> {d.title}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
