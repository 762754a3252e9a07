import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { Tag } from "../../../platform/design/Tag.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { Phase } from "../../period.js";
import type { PollFormValues } from "../form.js";
import type { Poll, PollOption, PollResults } from "../repository.js";
import { PollForm } from "./PollForm.js";
import { inLocale, Paragraphs, PollFacts } from "./PollPage.js";
import { Results } from "./Results.js";

const S = "participation.polls.staff";

/** /workspace/participation/polls/new: the form, empty or as typed with its problems. */
export function NewPollPage(props: {
  values: PollFormValues;
  errors: FieldError[];
  agencies: { slug: string; name: string }[];
  action: string;
}) {
  const { t } = usePage();
  return (
    <div>
      <ErrorSummary errors={props.errors} />
      <h1 class="heading-xl">{t(`${S}.newTitle`)}</h1>
      <p class="lead">{t(`${S}.newLead`)}</p>
      <PollForm {...props} />
    </div>
  );
}

/** What just happened on the staff page. */
export type StaffNotice = "saved" | "published" | "closed";

/** /workspace/participation/polls/:slug: the poll, its results at any time, and the actions its phase allows. */
export function StaffPollPage(props: {
  poll: Poll;
  options: PollOption[];
  agency: string;
  phase: Phase;
  results: PollResults;
  publicHref: string;
  closeAction: string;
  editAction: string;
  notice?: StaffNotice | undefined;
  edit?: { values: PollFormValues; errors: FieldError[]; agencies: { slug: string; name: string }[] } | undefined;
}) {
  const { t, locale, csrfToken } = usePage();
  const { poll, phase } = props;
  return (
    <div>
      {props.edit ? <ErrorSummary errors={props.edit.errors} /> : null}
      {props.notice ? (
        <NotificationBanner variant="success">
          <p>{t(`${S}.notice.${props.notice}`)}</p>
        </NotificationBanner>
      ) : null}
      <p class="poll__kind">
        <Tag colour="maroon">{t(`participation.polls.kind.${poll.kind}`)}</Tag>{" "}
        <Tag colour={phase === "open" ? "green" : phase === "draft" ? "yellow" : "grey"}>{t(`participation.phase.${phase}`)}</Tag>
      </p>
      <h1 class="heading-xl">{inLocale(locale, poll.questionAr, poll.questionEn)}</h1>
      <Paragraphs text={inLocale(locale, poll.descriptionAr, poll.descriptionEn)} />
      <PollFacts poll={poll} agency={props.agency} phase={phase} />
      {phase === "open" || phase === "closed" ? (
        <p>
          <a href={props.publicHref}>{t(`${S}.publicPage`)}</a>
        </p>
      ) : null}
      {phase === "open" ? (
        <form method="post" action={props.closeAction}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <p>{t(`${S}.closeLead`)}</p>
          <ButtonGroup>
            <Button variant="warning">{t(`${S}.closeNow`)}</Button>
          </ButtonGroup>
        </form>
      ) : null}
      {phase === "draft" ? null : <Results options={props.options} results={props.results} multiple={poll.multiple} />}
      {props.edit ? (
        <section aria-labelledby="edit-title">
          <h2 class="heading-l" id="edit-title">
            {t(`${S}.editTitle`)}
          </h2>
          <PollForm
            values={props.edit.values}
            errors={props.edit.errors}
            agencies={props.edit.agencies}
            action={props.editAction}
          />
        </section>
      ) : null}
    </div>
  );
}
