import { usePage } from "../layout/page-context.js";

/** "Step 2 of 5" above a form page, with the steps listed when they have names. */
export function StepIndicator({ current, total, steps }: { current: number; total: number; steps?: string[] }) {
  const { t } = usePage();
  return (
    <div class="step-indicator">
      <p class="step-indicator__caption">{t("components.stepIndicator.caption", { current, total })}</p>
      {steps && steps.length > 0 ? (
        <ol class="step-indicator__list">
          {steps.map((label, i) => {
            const state = i + 1 < current ? "done" : i + 1 === current ? "current" : "todo";
            return (
              <li
                class={`step-indicator__step step-indicator__step--${state}`}
                key={label}
                aria-current={state === "current" ? "step" : undefined}
              >
                <span class="step-indicator__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span class="step-indicator__label">{label}</span>
                {state === "done" ? <span class="visually-hidden"> {t("components.stepIndicator.done")}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
