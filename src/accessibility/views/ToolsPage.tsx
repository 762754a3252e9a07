import { Button, ButtonGroup } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Checkboxes, Radios } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { type DisplaySettings, textSizes, toggles } from "../settings.js";

export interface ToolsPageProps {
  settings: DisplaySettings;
  /** A checked local path to go back to after saving. */
  returnTo?: string | undefined;
  saved?: boolean;
  errors?: FieldError[];
}

/** The accessibility tools: a plain form that works without JavaScript, remembered in the `a11y` cookie. */
export function ToolsPage({ settings, returnTo, saved = false, errors = [] }: ToolsPageProps) {
  const { t, href, csrfToken, number } = usePage();
  const percent = (size: string) => number(Number(size) / 100, { style: "percent" });
  return (
    <div class="a11y-tools">
      {saved ? (
        <NotificationBanner variant="success" title={t("accessibility.tools.saved")}>
          <p>{t("accessibility.tools.savedBody")}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("accessibility.tools.title")}</h1>
      <p class="lead">{t("accessibility.tools.lead")}</p>
      <form method="post" action={href("/accessibility-tools")} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <Radios
          name="textSize"
          legend={t("accessibility.tools.textSize.legend")}
          hint={t("accessibility.tools.textSize.hint")}
          error={errorFor(errors, "textSize")}
          value={settings.textSize}
          items={textSizes.map((size) => ({
            value: size,
            label:
              size === "100"
                ? t("accessibility.tools.textSize.standard", { size: percent(size) })
                : t("accessibility.tools.textSize.option", { size: percent(size) }),
          }))}
        />
        <Checkboxes
          name="options"
          legend={t("accessibility.tools.options.legend")}
          hint={t("accessibility.tools.options.hint")}
          error={errorFor(errors, "options")}
          value={settings.on}
          items={toggles.map((toggle) => ({
            value: toggle,
            label: t(`accessibility.tools.options.${toggle}`),
            hint: t(`accessibility.tools.options.${toggle}Hint`),
          }))}
        />
        <ButtonGroup>
          <Button name="action" value="save">
            {t("accessibility.tools.save")}
          </Button>
          <Button variant="secondary" name="action" value="reset">
            {t("accessibility.tools.reset")}
          </Button>
        </ButtonGroup>
      </form>
      <p class="hint">
        {t("accessibility.tools.cookieNote")} <a href={href("/privacy")}>{t("accessibility.tools.cookieLink")}</a>
      </p>

      <h2 class="heading-l">{t("accessibility.tools.browserHeading")}</h2>
      <p>{t("accessibility.tools.browserBody")}</p>

      <h2 class="heading-l">{t("accessibility.tools.moreHeading")}</h2>
      <ul class="list a11y-tools__more">
        <li>
          <a href={href("/accessibility-services")}>{t("accessibility.tools.portalLink")}</a>
          <p class="hint">{t("accessibility.tools.portalHint")}</p>
        </li>
        <li>
          <a href={href("/accessibility")}>{t("accessibility.tools.statementLink")}</a>
          <p class="hint">{t("accessibility.tools.statementHint")}</p>
        </li>
      </ul>
    </div>
  );
}
