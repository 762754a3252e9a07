import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { Checkboxes, Radios } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { Tag } from "../../../platform/design/Tag.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { Phase } from "../../period.js";
import type { Poll, PollOption, PollResults } from "../repository.js";
import { mostChoices } from "../rules.js";
import { Results } from "./Results.js";

/** Where the person stands with this poll. */
export type Voter =
  | { kind: "signed-out"; signIn: string }
  | { kind: "refused" }
  | { kind: "can-vote"; selected: string[]; error?: string | undefined }
  | { kind: "voted"; chosen: string[] };

/** A message about what just happened: a vote counted, a second vote, a vote too late, a person not in the audience. */
export type PollNotice = "counted" | "again" | "too-late" | "refused";

export interface PollPageProps {
  poll: Poll;
  options: PollOption[];
  agency: string;
  phase: Phase;
  voter: Voter;
  /** Present only when the results may be shown to this person now. */
  results?: PollResults | undefined;
  notice?: PollNotice | undefined;
  errors?: FieldError[];
  action: string;
}

const P = "participation.polls";

/** Text in the page's language from a poll's pair of columns. */
export function inLocale(locale: "ar" | "en", ar: string, en: string): string {
  return locale === "ar" ? ar : en;
}

/** Paragraphs of a description separated by blank lines. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/** The facts of a poll: who asks, its period, who may vote, when results are shown. */
export function PollFacts({ poll, agency, phase }: { poll: Poll; agency: string; phase: Phase }) {
  const { t, locale } = usePage();
  const when = (d: Date) => formatDateTime(d, locale);
  return (
    <SummaryList
      rows={[
        { key: t(`${P}.facts.agency`), value: agency },
        {
          key: t(`${P}.facts.period`),
          value:
            phase === "closed"
              ? t(`${P}.facts.closedOn`, { date: when(poll.closedAt ?? poll.closesAt) })
              : t(`${P}.facts.openFromTo`, { from: when(poll.opensAt), to: when(poll.closesAt) }),
        },
        { key: t(`${P}.facts.audience`), value: t(`${P}.audience.${poll.audience}`) },
        {
          key: t(`${P}.facts.choices`),
          value: poll.multiple ? t(`${P}.facts.multiple`, { max: poll.maxChoices ?? 0 }) : t(`${P}.facts.single`),
        },
        { key: t(`${P}.facts.results`), value: t(`${P}.showResults.${poll.showResults}`) },
      ]}
    />
  );
}

function Notice({ notice, poll }: { notice: PollNotice; poll: Poll }) {
  const { t } = usePage();
  switch (notice) {
    case "counted":
      return (
        <NotificationBanner variant="success" title={t(`${P}.notice.countedTitle`)}>
          <p>{t(`${P}.notice.counted`)}</p>
        </NotificationBanner>
      );
    case "again":
      return (
        <NotificationBanner variant="warning" title={t(`${P}.notice.againTitle`)}>
          <p>{t(`${P}.notice.again`)}</p>
        </NotificationBanner>
      );
    case "too-late":
      return (
        <NotificationBanner variant="warning" title={t(`${P}.notice.tooLateTitle`)}>
          <p>{t(`${P}.notice.tooLate`)}</p>
        </NotificationBanner>
      );
    case "refused":
      return (
        <NotificationBanner variant="warning" title={t(`${P}.notice.refusedTitle`)}>
          <p>{t(`${P}.notice.refused.${poll.audience}`)}</p>
        </NotificationBanner>
      );
  }
}

/** /participate/polls/:slug: the question, the way to vote (or why not), and the results when they may be shown. */
export function PollPage(props: PollPageProps) {
  const { t, locale, csrfToken } = usePage();
  const { poll, options, phase, voter } = props;
  const label = (o: PollOption) => inLocale(locale, o.labelAr, o.labelEn);
  const most = mostChoices(poll, options.length);
  const chosen = voter.kind === "voted" ? options.filter((o) => voter.chosen.includes(o.id)) : [];
  const notice = props.notice ?? (voter.kind === "refused" && phase === "open" ? "refused" : undefined);
  return (
    <div class="poll">
      <ErrorSummary errors={props.errors ?? []} />
      <p class="poll__kind">
        <Tag colour="maroon">{t(`${P}.kind.${poll.kind}`)}</Tag>{" "}
        <Tag colour={phase === "open" ? "green" : "grey"}>{t(`participation.phase.${phase}`)}</Tag>
      </p>
      <h1 class="heading-xl">{inLocale(locale, poll.questionAr, poll.questionEn)}</h1>
      <Paragraphs text={inLocale(locale, poll.descriptionAr, poll.descriptionEn)} />
      <PollFacts poll={poll} agency={props.agency} phase={phase} />

      {notice ? <Notice notice={notice} poll={poll} /> : null}

      {voter.kind === "voted" ? (
        <p class="poll__chosen">
          {t(`${P}.yourVote`, { count: chosen.length, choices: chosen.map(label).join(locale === "ar" ? "، " : ", ") })}
        </p>
      ) : null}

      {phase === "open" && voter.kind === "can-vote" ? (
        <form method="post" action={props.action} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {poll.multiple ? (
            <Checkboxes
              name="choice"
              legend={t(`${P}.vote.legend`)}
              hint={t(`${P}.vote.hintMultiple`, { max: most })}
              items={options.map((o) => ({ value: o.id, label: label(o) }))}
              value={voter.selected}
              error={voter.error}
            />
          ) : (
            <Radios
              name="choice"
              legend={t(`${P}.vote.legend`)}
              hint={t(`${P}.vote.hintSingle`)}
              items={options.map((o) => ({ value: o.id, label: label(o) }))}
              value={voter.selected}
              error={voter.error}
            />
          )}
          <ButtonGroup>
            <Button>{t(`${P}.vote.button`)}</Button>
          </ButtonGroup>
        </form>
      ) : null}

      {voter.kind !== "can-vote" && !props.results ? (
        <section aria-labelledby="options-title">
          <h2 class="heading-m" id="options-title">
            {t(`${P}.optionsTitle`)}
          </h2>
          <ul class="list list--bullet">
            {options.map((o) => (
              <li key={o.id}>{label(o)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {phase === "open" && voter.kind === "signed-out" ? (
        <div class="poll__sign-in">
          <p>{t(`${P}.signIn.lead`)}</p>
          <p>
            <a href={voter.signIn}>{t(`${P}.signIn.link`)}</a>
          </p>
        </div>
      ) : null}

      {props.results ? (
        <Results options={options} results={props.results} multiple={poll.multiple} />
      ) : phase === "open" && voter.kind === "voted" && poll.showResults === "after-close" ? (
        <p class="poll__pending">{t(`${P}.results.pending`, { date: formatDateTime(poll.closesAt, locale) })}</p>
      ) : null}
    </div>
  );
}
