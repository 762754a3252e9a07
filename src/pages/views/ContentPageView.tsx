import { Card, CardGrid } from "../../platform/design/Card.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { ContentPage } from "../content.js";

export function ContentPageView({ page, children }: { page: ContentPage; children: ContentPage[] }) {
  const { locale, t, href } = usePage();
  const text = page.text[locale];
  return (
    <article class="content-page">
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.description}</p>
      <div
        class={page.layout === "timeline" ? "prose prose--timeline" : "prose"}
        dangerouslySetInnerHTML={{ __html: text.html }}
      />
      {children.length > 0 ? (
        <section class="section" aria-labelledby="more-about">
          <h2 class="heading-m" id="more-about">
            {t("pages.moreInSection")}
          </h2>
          <CardGrid>
            {children.map((c) => (
              <Card key={c.slug} title={c.text[locale].title} description={c.text[locale].description} href={href(c.path)} />
            ))}
          </CardGrid>
        </section>
      ) : null}
      <p class="page-meta">
        {t("pages.lastUpdated")} <DateDisplay date={page.updated} />
      </p>
    </article>
  );
}
