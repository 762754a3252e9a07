import type { ComponentChildren } from "preact";

export type TagColour = "grey" | "blue" | "green" | "yellow" | "red" | "maroon";

/** A short status label ("Fully online", "Closed"); colour never carries the meaning alone. */
export function Tag({ colour = "blue", children }: { colour?: TagColour; children: ComponentChildren }) {
  return <strong class={`tag tag--${colour}`}>{children}</strong>;
}
