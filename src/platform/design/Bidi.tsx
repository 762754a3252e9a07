import type { ComponentChildren } from "preact";

/**
 * A request reference, receipt number or code set among words: left to
 * right, isolated from the text around it (so "HK-6PK3-C7WT" never trades
 * places with an Arabic neighbour) and never broken across two lines.
 */
export function Reference({ children, href }: { children: string; href?: string | undefined }) {
  return href ? (
    <a class="reference-code" href={href} dir="ltr">
      {children}
    </a>
  ) : (
    <bdi class="reference-code" dir="ltr">
      {children}
    </bdi>
  );
}

/** A value read left to right whatever the page's language (a phone number, a masked card, an email), isolated from its neighbours. */
export function Ltr({ children }: { children: ComponentChildren }) {
  return <bdi dir="ltr">{children}</bdi>;
}
