import type { ComponentChildren } from "preact";

export interface CardProps {
  title: string;
  href: string;
  description?: string | undefined;
  /** Small print under the description: the owning agency, a date, tags. */
  meta?: ComponentChildren;
  headingLevel?: 2 | 3 | 4;
}

/** A linked summary of a page: the whole card is one link target through its heading. */
export function Card({ title, href, description, meta, headingLevel = 3 }: CardProps) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <div class="card">
      <Heading class="card__title">
        <a class="card__link" href={href}>
          {title}
        </a>
      </Heading>
      {description ? <p class="card__description">{description}</p> : null}
      {meta ? <div class="card__meta">{meta}</div> : null}
    </div>
  );
}

/** Cards laid out in a responsive grid (one column on phones). */
export function CardGrid({ children }: { children: ComponentChildren }) {
  return <div class="card-grid">{children}</div>;
}
