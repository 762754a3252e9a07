import { stripLocale } from "../../platform/i18n/locales.js";
import { usePage } from "../../platform/layout/page-context.js";
import { COMMENT_MAX_LENGTH } from "../schemas.js";

/**
 * "Is this page easy to understand?" at the foot of every page. Without
 * JavaScript it is a plain form post; with it, the answer and the optional
 * comment are sent without leaving the page (see src/client/feedback.ts).
 */
export function FeedbackWidget() {
  const { t, href, url } = usePage();
  const page = stripLocale(url).split("?")[0] ?? "/";
  return (
    <section
      class="page-feedback"
      aria-labelledby="page-feedback-title"
      data-feedback
      data-network-error={t("feedback.errors.network")}
      data-comment-thanks={t("feedback.commentThanks")}
    >
      <form class="page-feedback__form" method="post" action={href("/feedback")} data-feedback-answer>
        <input type="hidden" name="page" value={page} />
        <h2 class="page-feedback__question" id="page-feedback-title">
          {t("feedback.question")}
        </h2>
        <div class="page-feedback__buttons">
          <button class="button button--secondary" type="submit" name="helpful" value="yes">
            {t("feedback.yes")}
            <span class="visually-hidden"> {t("feedback.yesHidden")}</span>
          </button>
          <button class="button button--secondary" type="submit" name="helpful" value="no">
            {t("feedback.no")}
            <span class="visually-hidden"> {t("feedback.noHidden")}</span>
          </button>
        </div>
      </form>
      <div class="page-feedback__status" role="status" aria-live="polite" data-feedback-status />
      <template data-feedback-comment-template>
        <form class="page-feedback__comment" method="post" data-feedback-comment>
          <p class="page-feedback__thanks">{t("feedback.thanks")}</p>
          <div class="form-group">
            <label class="label" for="page-feedback-comment">
              {t("feedback.commentLabel")}
            </label>
            <div class="hint" id="page-feedback-comment-hint">
              {t("feedback.commentHint", { max: COMMENT_MAX_LENGTH })}
            </div>
            <textarea
              class="textarea"
              id="page-feedback-comment"
              name="comment"
              rows={4}
              aria-describedby="page-feedback-comment-hint"
            />
          </div>
          <button class="button" type="submit">
            {t("feedback.sendComment")}
          </button>
        </form>
      </template>
    </section>
  );
}
