import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Textarea } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { COMMENT_MAX_LENGTH } from "../schemas.js";

export interface CommentPageProps {
  id: string;
  /** The page the answer was about (language-neutral). */
  page: string;
  open: boolean;
  done: boolean;
  errors?: FieldError[];
  comment?: string;
}

/** After answering without JavaScript: thanks, and a place for an optional comment. */
export function FeedbackCommentPage({ id, page, open, done, errors = [], comment }: CommentPageProps) {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <NotificationBanner variant="success">
        <p class="notification-banner__heading">{done ? t("feedback.commentThanks") : t("feedback.thanks")}</p>
      </NotificationBanner>
      <h1 class="heading-l">{t("feedback.pageTitle")}</h1>
      {open && !done ? (
        <form method="post" action={href(`/feedback/${id}`)} novalidate>
          <Textarea
            name="comment"
            label={t("feedback.commentLabel")}
            hint={t("feedback.commentHint", { max: COMMENT_MAX_LENGTH })}
            error={errorFor(errors, "comment")}
            value={comment}
            maxLength={COMMENT_MAX_LENGTH}
          />
          <Button>{t("feedback.sendComment")}</Button>
        </form>
      ) : null}
      <p>
        <a href={href(page)}>{t("feedback.backToPage")}</a>
      </p>
    </div>
  );
}
