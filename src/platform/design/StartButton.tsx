import { usePage } from "../layout/page-context.js";
import { ArrowIcon } from "./icons.js";

/** The call to action that begins a service ("Start now"), with an arrow that points forward in either direction. */
export function StartButton({ href, label }: { href: string; label?: string }) {
  const { t } = usePage();
  return (
    <a class="button button--start" href={href} draggable={false}>
      {label ?? t("components.startButton.label")}
      <ArrowIcon />
    </a>
  );
}
