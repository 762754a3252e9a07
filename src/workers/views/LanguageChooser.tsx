import { usePage } from "../../platform/layout/page-context.js";
import { directionOf, type WorkerLanguage } from "../languages.js";

export interface ChooserEntry {
  language: WorkerLanguage;
  /** The language's name in its own script. */
  name: string;
  /** The portal's name in that language, under the link. */
  portalName: string;
  href: string;
}

/** /workers: every language of the workers' portal, each named in its own script. */
export function LanguageChooser({ entries }: { entries: ChooserEntry[] }) {
  const { t } = usePage();
  return (
    <article class="content-page">
      <h1 class="heading-xl">{t("workers.chooser.title")}</h1>
      <p class="lead">{t("workers.chooser.lead")}</p>
      <ul class="workers-chooser" aria-label={t("workers.chooser.listLabel")}>
        {entries.map((e) => (
          <li key={e.language} class="workers-chooser__item" lang={e.language} dir={directionOf(e.language)}>
            <a class="workers-chooser__link" href={e.href} hrefLang={e.language}>
              {e.name}
            </a>
            <span class="workers-chooser__portal">{e.portalName}</span>
          </li>
        ))}
      </ul>
      <p>{t("workers.chooser.note")}</p>
    </article>
  );
}
