import type { ComponentChildren } from "preact";

/** The box that confirms something is done ("Request sent"), with its reference in large type. */
export function Panel({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="panel">
      <h1 class="panel__title">{title}</h1>
      {children ? <div class="panel__body">{children}</div> : null}
    </div>
  );
}
