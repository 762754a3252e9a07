import { Button } from "../../../platform/design/Button.js";
import { ErrorSummary } from "../../../platform/design/ErrorSummary.js";
import { Textarea } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { Tag } from "../../../platform/design/Tag.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { participatePath } from "../../listing.js";
import type { Phase } from "../../period.js";
import type { Consultation, Section } from "../repository.js";
import { COMMENT_MAX_LENGTH } from "../schemas.js";
import { Paragraphs } from "./Paragraphs.js";

/** A comment as the public sees it: the first name of who wrote it, never their account. */
export interface PublicComment {
  id: string;
  sectionId: string;
  author: string;
  body: string;
  createdAt: Date;
  /** Written by the person viewing the page (no Report button). */
  mine: boolean;
  /** Already reported by the person viewing the page. */
  reported: boolean;
}

/** A refused comment: shown again beside its section's field. */
export interface FailedComment {
  sectionId: string;
  value: string;
  error: string;
}

export interface ConsultationPageProps {
  consultation: Consultation;
  sections: Section[];
  agency: { ar: string; en: string };
  phase: Phase;
  comments: PublicComment[];
  signedIn: boolean;
  failed?: FailedComment | undefined;
  notice?: { kind: "commented"; commentId: string } | { kind: "reported" } | undefined;
}

const K = "participation.consultations";

/** The id of a section's comment box: the error summary links to it. */
export const commentFieldId = (position: number) => `section-${position}-comment`;

function CommentItem({
  comment,
  open,
  signedIn,
  action,
}: {
  comment: PublicComment;
  open: boolean;
  signedIn: boolean;
  action: string;
}) {
  const { t, locale, csrfToken } = usePage();
  const when = formatDateTime(comment.createdAt, locale);
  return (
    <li class="comment" id={`c-${comment.id}`}>
      <p class="comment__meta">
        <strong class="comment__author">{comment.author}</strong> <time dateTime={comment.createdAt.toISOString()}>{when}</time>
        {comment.mine ? (
          <>
            {" "}
            <Tag colour="grey">{t(`${K}.public.yours`)}</Tag>
          </>
        ) : null}
      </p>
      <Paragraphs text={comment.body} class="comment__body" auto />
      {open && signedIn && !comment.mine ? (
        comment.reported ? (
          <p class="comment__reported">{t(`${K}.public.reportedByYou`)}</p>
        ) : (
          <form method="post" action={`${action}/comments/${comment.id}/report`} class="comment__report">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit" class="link-button">
              {t(`${K}.public.report`)}
              <span class="visually-hidden"> {t(`${K}.public.reportHidden`, { name: comment.author, date: when })}</span>
            </button>
          </form>
        )
      ) : null}
    </li>
  );
}

function SectionBlock(props: {
  section: Section;
  comments: PublicComment[];
  open: boolean;
  signedIn: boolean;
  failed?: FailedComment | undefined;
  action: string;
  signInHref: string;
}) {
  const { t, locale, csrfToken } = usePage();
  const { section, comments, open, signedIn, failed, action } = props;
  const n = section.position;
  const heading = locale === "ar" ? section.headingAr : section.headingEn;
  const mineFailed = failed?.sectionId === section.id ? failed : undefined;
  return (
    <section class="consultation-section" id={`section-${n}`} aria-labelledby={`section-${n}-title`}>
      <h2 class="heading-l" id={`section-${n}-title`}>
        {t(`${K}.public.sectionHeading`, { n, heading })}
      </h2>
      <Paragraphs text={locale === "ar" ? section.bodyAr : section.bodyEn} class="consultation-section__body" />
      <div class="consultation-comments">
        <h3 class="heading-s" id={`section-${n}-comments`}>
          {t(`${K}.public.commentsTitle`, { count: comments.length })}
        </h3>
        {comments.length ? (
          <ul class="comment-list" aria-labelledby={`section-${n}-comments`}>
            {comments.map((c) => (
              <CommentItem comment={c} open={open} signedIn={signedIn} action={action} key={c.id} />
            ))}
          </ul>
        ) : null}
        {open && signedIn ? (
          <form method="post" action={`${action}/comments`} class="comment-form" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="section" value={section.id} />
            <Textarea
              id={commentFieldId(n)}
              name="comment"
              label={t(`${K}.public.commentLabel`, { n })}
              hint={t(`${K}.public.commentHint`, { max: COMMENT_MAX_LENGTH })}
              error={mineFailed?.error}
              value={mineFailed?.value}
              rows={4}
              maxLength={COMMENT_MAX_LENGTH}
            />
            <Button>
              {t(`${K}.public.send`)}
              <span class="visually-hidden"> {t(`${K}.public.sendHidden`, { n })}</span>
            </Button>
          </form>
        ) : open ? (
          <p>
            <a href={props.signInHref}>
              {t(`${K}.public.signIn`)}
              <span class="visually-hidden"> {t(`${K}.public.sendHidden`, { n })}</span>
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** A consultation: the draft text by section, the comments under each, and after closing the agency's response. */
export function ConsultationPage(props: ConsultationPageProps) {
  const { t, locale, href } = usePage();
  const { consultation: c, sections, phase, failed, notice } = props;
  const open = phase === "open";
  const title = locale === "ar" ? c.titleAr : c.titleEn;
  const action = href(participatePath("consultations", c.slug));
  const signInHref = `${href("/sign-in")}?returnTo=${encodeURIComponent(action)}`;
  const closedOn = c.closedAt ?? c.closesAt;
  const failedSection = failed ? sections.find((s) => s.id === failed.sectionId) : undefined;
  const response = locale === "ar" ? c.responseAr : c.responseEn;
  return (
    <div class="consultation">
      {failed && failedSection ? (
        <ErrorSummary errors={[{ field: commentFieldId(failedSection.position), message: failed.error }]} />
      ) : null}
      {notice?.kind === "commented" ? (
        <NotificationBanner variant="success">
          <p class="notification-banner__heading">{t(`${K}.public.commented`)}</p>
          <p>
            <a href={`#c-${notice.commentId}`}>{t(`${K}.public.seeComment`)}</a>
          </p>
        </NotificationBanner>
      ) : null}
      {notice?.kind === "reported" ? (
        <NotificationBanner variant="success">
          <p class="notification-banner__heading">{t(`${K}.public.reported`)}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">{t("participation.kinds.consultations")}</span>
      <h1 class="heading-xl">{title}</h1>
      <Paragraphs text={locale === "ar" ? c.summaryAr : c.summaryEn} class="lead consultation__summary" />
      <SummaryList
        rows={[
          { key: t(`${K}.public.agency`), value: props.agency[locale] },
          {
            key: t(`${K}.public.status`),
            value: <Tag colour={open ? "green" : "grey"}>{t(`participation.phase.${phase}`)}</Tag>,
          },
          { key: t(`${K}.public.opened`), value: formatDateTime(c.opensAt, locale) },
          { key: t(open ? `${K}.public.closes` : `${K}.public.closedOn`), value: formatDateTime(closedOn, locale) },
        ]}
      />
      {phase === "closed" && c.respondedAt && response ? (
        <section class="consultation-response" aria-labelledby="response-title">
          <h2 class="heading-l" id="response-title">
            {t(`${K}.public.responseTitle`)}
          </h2>
          <p class="consultation-response__meta">
            {t(`${K}.public.responseMeta`, { agency: props.agency[locale], date: formatDateTime(c.respondedAt, locale) })}
          </p>
          <Paragraphs text={response} />
        </section>
      ) : phase === "closed" ? (
        <p class="consultation__notice">{t(`${K}.public.awaitingResponse`, { agency: props.agency[locale] })}</p>
      ) : (
        <div class="consultation__notice">
          <p>{t(`${K}.public.howTo`)}</p>
          {props.signedIn ? null : (
            <p>
              <a href={signInHref}>{t(`${K}.public.signInToTakePart`)}</a>
            </p>
          )}
        </div>
      )}
      <nav class="consultation-contents" aria-labelledby="contents-title">
        <h2 class="heading-s" id="contents-title">
          {t(`${K}.public.contents`)}
        </h2>
        <ol class="list list--number">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#section-${s.position}`}>{locale === "ar" ? s.headingAr : s.headingEn}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <SectionBlock
          section={s}
          comments={props.comments.filter((cm) => cm.sectionId === s.id)}
          open={open}
          signedIn={props.signedIn}
          failed={failed}
          action={action}
          signInHref={signInHref}
          key={s.id}
        />
      ))}
      <p>
        <a href={href("/participate")}>{t(`${K}.public.back`)}</a>
      </p>
    </div>
  );
}
