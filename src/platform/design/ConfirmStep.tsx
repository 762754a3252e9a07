import type { ComponentChildren } from "preact";
import { usePage } from "../layout/page-context.js";
import { Button } from "./Button.js";
import { SummaryList } from "./SummaryList.js";

export interface ConfirmStepProps {
  /** The question, as the page's heading ("Approve request HK-…?"). */
  title: string;
  /** What will happen, in a sentence, and that it cannot be undone. */
  warning: string;
  /** What was chosen, as it will be recorded. */
  rows: { key: string; value: ComponentChildren }[];
  /** Where the confirmed form goes, and what it carries (everything the first form sent). */
  action: string;
  fields: Record<string, string>;
  confirmLabel: string;
  /** Back to the page the action started from, nothing done. */
  cancelHref: string;
  /** Irreversible steps that take something away (refuse, refund, unpublish) get the warning button. */
  destructive?: boolean;
}

/**
 * The step before an irreversible action: what is about to happen, a button
 * to do it and a way back. A plain form carrying the first form's fields, so
 * it works without JavaScript; the action's own route checks everything again.
 */
export function ConfirmStep(p: ConfirmStepProps) {
  const { t, csrfToken } = usePage();
  return (
    <div class="narrow">
      <h1 class="heading-xl">{p.title}</h1>
      <p class="lead">{p.warning}</p>
      <SummaryList rows={p.rows} />
      <form method="post" action={p.action}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {Object.entries(p.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <div class="button-group">
          <Button variant={p.destructive ? "warning" : "primary"}>{p.confirmLabel}</Button>
          <a href={p.cancelHref}>{t("components.confirmStep.cancel")}</a>
        </div>
      </form>
    </div>
  );
}
