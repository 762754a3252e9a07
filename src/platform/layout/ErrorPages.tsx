import { renderToString } from "preact-render-to-string";
import { direction, type Locale, locales, localizePath } from "../i18n/locales.js";
import { translator } from "../i18n/messages.js";
import { usePage } from "./page-context.js";

/** The body of a 4xx page: what went wrong, in plain words, and where to go next. */
export function ProblemPage({ title, message }: { title: string; message: string }) {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{message}</p>
      <p>{t("errors.nextSteps")}</p>
      <ul class="list list--bullet">
        <li>
          <a href={href("/")}>{t("errors.goHome")}</a>
        </li>
        <li>
          <a href={href("/search")}>{t("errors.goSearch")}</a>
        </li>
        <li>
          <a href={href("/contact")}>{t("errors.goContact")}</a>
        </li>
      </ul>
    </div>
  );
}

/** Which messages a standalone error page shows. */
export interface StandaloneError {
  titleKey: string;
  messageKey: string;
  /** The request id, also written to the log, for the person to quote. */
  reference?: string;
}

function StandaloneSection({ locale, error, first }: { locale: Locale; error: StandaloneError; first: boolean }) {
  const tr = translator(locale);
  const Heading = first ? "h1" : "h2";
  return (
    <section class="server-error" lang={locale} dir={direction[locale]}>
      <Heading class="heading-xl">{tr.t(error.titleKey)}</Heading>
      <p class="lead">{tr.t(error.messageKey)}</p>
      {error.reference ? (
        <p>
          {tr.t("errors.server.reference")}{" "}
          <bdi class="reference" dir="ltr">
            {error.reference}
          </bdi>
        </p>
      ) : null}
      <p>
        <a href={localizePath(locale, "/")}>{tr.t("errors.goHome")}</a>
      </p>
    </section>
  );
}

/**
 * An error page that renders without the layout or any request state, for
 * when the rest may be broken (500) or never ran (a malformed address): in
 * both languages, the visitor's first.
 */
export function renderStandaloneErrorPage(locale: Locale, error: StandaloneError, stylesheet: string): string {
  const order = locale === "ar" ? locales : [...locales].reverse();
  const html = renderToString(
    <html lang={locale} dir={direction[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{translator(locale).t(error.titleKey)}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <main class="container page main" id="main-content">
          {order.map((l, i) => (
            <StandaloneSection locale={l} error={error} first={i === 0} key={l} />
          ))}
        </main>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
