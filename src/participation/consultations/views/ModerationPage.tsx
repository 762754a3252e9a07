import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { Tag, type TagColour } from "../../../platform/design/Tag.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { staffPath } from "../../listing.js";
import type { Comment, CommentStatus, Consultation, Section } from "../repository.js";
import { Paragraphs } from "./Paragraphs.js";

const K = "participation.consultations.moderation";

const colours: Record<CommentStatus, TagColour> = { held: "red", published: "yellow", approved: "green", hidden: "grey" };

export interface ModerationPageProps {
  consultation: Consultation;
  sections: Section[];
  comments: Comment[];
  done?: "approved" | "hidden" | undefined;
}

function CommentForModeration(props: { slug: string; comment: Comment; section: Section | undefined; n: number }) {
  const { slug, comment, section, n } = props;
  const { t, locale, csrfToken, href } = usePage();
  const status = comment.status as CommentStatus;
  const when = formatDateTime(comment.createdAt, locale);
  const heading = section ? (locale === "ar" ? section.headingAr : section.headingEn) : "";
  const titleId = `m-${comment.id}-title`;
  return (
    <li class="moderation-list__item" id={`m-${comment.id}`}>
      <h3 class="heading-s" id={titleId}>
        {t(`${K}.itemTitle`, { n, section: section?.position ?? 0, heading })}
      </h3>
      <p class="moderation-list__meta">
        <Tag colour={colours[status] ?? "grey"}>{t(`${K}.status.${status}`)}</Tag> {t(`${K}.reports`, { count: comment.reports })}{" "}
        <span aria-hidden="true">·</span> <time dateTime={comment.createdAt.toISOString()}>{when}</time>
      </p>
      <blockquote class="moderation-list__body">
        <Paragraphs text={comment.body} auto />
      </blockquote>
      <form method="post" action={`${href(staffPath("consultations", slug))}/moderation/${comment.id}`}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <ButtonGroup>
          {status === "approved" ? null : (
            <Button name="decision" value="approve">
              {t(status === "hidden" ? `${K}.restore` : `${K}.approve`)}
              <span class="visually-hidden"> {t(`${K}.hiddenName`, { n })}</span>
            </Button>
          )}
          {status === "hidden" ? null : (
            <Button name="decision" value="hide" variant="warning">
              {t(`${K}.hide`)}
              <span class="visually-hidden"> {t(`${K}.hiddenName`, { n })}</span>
            </Button>
          )}
        </ButtonGroup>
      </form>
    </li>
  );
}

/** Comments to decide on first (held, then published ones not yet approved), then those already decided. */
export function ModerationPage({ consultation: c, sections, comments, done }: ModerationPageProps) {
  const { t, locale, href } = usePage();
  const bySection = new Map(sections.map((s) => [s.id, s]));
  const waiting = comments.filter((cm) => cm.status === "held" || cm.status === "published");
  const decided = comments.filter((cm) => cm.status === "approved" || cm.status === "hidden");
  const list = (items: Comment[], offset: number) => (
    <ol class="moderation-list">
      {items.map((cm, i) => (
        <CommentForModeration slug={c.slug} comment={cm} section={bySection.get(cm.sectionId)} n={offset + i + 1} key={cm.id} />
      ))}
    </ol>
  );
  return (
    <div>
      {done ? (
        <NotificationBanner variant="success">
          <p class="notification-banner__heading">{t(`${K}.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">{locale === "ar" ? c.titleAr : c.titleEn}</span>
      <h1 class="heading-xl">{t(`${K}.title`)}</h1>
      <p class="lead">{t(`${K}.lead`)}</p>
      <section aria-labelledby="waiting-title">
        <h2 class="heading-l" id="waiting-title">
          {t(`${K}.waiting`, { count: waiting.length })}
        </h2>
        {waiting.length ? list(waiting, 0) : <p class="empty-state">{t(`${K}.noneWaiting`)}</p>}
      </section>
      <section aria-labelledby="decided-title">
        <h2 class="heading-l" id="decided-title">
          {t(`${K}.decided`, { count: decided.length })}
        </h2>
        {decided.length ? list(decided, waiting.length) : <p class="empty-state">{t(`${K}.noneDecided`)}</p>}
      </section>
      <p>
        <a href={href(staffPath("consultations", c.slug))}>{t(`${K}.back`)}</a>
      </p>
    </div>
  );
}
