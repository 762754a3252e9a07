import type { FastifyRequest } from "fastify";
import type { TranslatedForms } from "../../eservices/translated/routes.js";
import type { WorkerContent } from "../content.js";
import { directionOf, intlTagOf, isWorkerLanguage, type WorkerLanguage, workerPath } from "../languages.js";
import { navOf } from "../routes.js";
import { WorkersLayout } from "../views/WorkersLayout.js";
import { overlayFor, type WorkerForms } from "./content.js";

/** The language of a form page (the routes only serve languages with a translation). */
function languageOf(language: string): WorkerLanguage {
  if (!isWorkerLanguage(language)) throw new Error(`not a workers' language: ${language}`);
  return language;
}

/**
 * What the workers' portal gives the e-services to serve their forms in the
 * workers' languages: the translations, the words, and its own frame, so a
 * form page looks and reads like the portal's other pages in that language.
 */
export function workerFormDesk(
  content: WorkerContent,
  forms: WorkerForms,
  htmlAttributes?: (request: FastifyRequest) => Record<string, string> | undefined,
): TranslatedForms {
  return {
    routePrefix: "/workers/:lang",
    base: (language) => workerPath(languageOf(language)),
    translation: (language, eservice) => (isWorkerLanguage(language) ? overlayFor(forms, language, eservice) : undefined),
    words: (language) => (isWorkerLanguage(language) ? forms.words[language] : undefined),
    direction: (language) => directionOf(languageOf(language)),
    dateTag: (language) => intlTagOf(languageOf(language)),
    frame: (request, lang, page) => {
      const language = languageOf(lang);
      const words = content.interfaces[language];
      return (
        <WorkersLayout
          language={language}
          words={words}
          title={page.title}
          nav={navOf(content, language)}
          alternates={[]}
          noindex
          htmlAttributes={htmlAttributes?.(request)}
        >
          {page.body}
        </WorkersLayout>
      );
    },
  };
}
