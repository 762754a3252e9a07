import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { FormPage } from "./FormPage.js";

export function SignInPage({
  errors = [],
  identifier = "",
  returnTo,
  notice,
  national = false,
}: {
  errors?: FieldError[];
  identifier?: string;
  returnTo?: string | undefined;
  notice?: string | undefined;
  /** Offer the national identity provider (smart card) first. */
  national?: boolean;
}) {
  const { t, href } = usePage();
  return (
    <FormPage
      title={t("accounts.signIn.title")}
      lead={
        <>
          <p>{t("accounts.signIn.lead")}</p>
          {national ? (
            <div class="national-sign-in">
              <a
                class="button"
                id="national-sign-in"
                href={`${href("/sign-in/national")}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`}
              >
                {t("accounts.national.button")}
              </a>
              <p class="hint">{t("accounts.national.hint")}</p>
              <h2 class="heading-m">{t("accounts.national.orPassword")}</h2>
            </div>
          ) : null}
        </>
      }
      action={href("/sign-in")}
      errors={errors}
      submit={t("accounts.signIn.submit")}
      after={
        <div class="section">
          <p>
            <a href={href("/reset-password")}>{t("accounts.signIn.forgot")}</a>
          </p>
          <h2 class="heading-m">{t("accounts.signIn.noAccount")}</h2>
          <p>
            <a href={href("/register")}>{t("accounts.signIn.register")}</a>
          </p>
        </div>
      }
    >
      {notice ? (
        <NotificationBanner variant="success">
          <p>{notice}</p>
        </NotificationBanner>
      ) : null}
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <TextInput
        name="identifier"
        label={t("accounts.signIn.identifier")}
        hint={t("accounts.signIn.identifierHint")}
        value={identifier}
        autocomplete="username"
        dir="ltr"
        spellcheck={false}
        error={errorFor(errors, "identifier")}
      />
      <TextInput
        name="password"
        type="password"
        label={t("accounts.signIn.password")}
        autocomplete="current-password"
        dir="ltr"
        error={errorFor(errors, "password")}
      />
    </FormPage>
  );
}

/** One code to type: the SMS code after registration, or the authenticator code at sign-in. */
export function CodePage({
  title,
  lead,
  action,
  label,
  hint,
  errors = [],
  returnTo,
  resend,
  notice,
}: {
  title: string;
  lead: string;
  action: string;
  label: string;
  hint: string;
  errors?: FieldError[];
  returnTo?: string | undefined;
  resend?: { action: string; label: string } | undefined;
  /** Said above the form (no code could be sent: how long to wait). */
  notice?: string | undefined;
}) {
  const { t, csrfToken } = usePage();
  return (
    <FormPage
      title={title}
      lead={
        <>
          {notice ? (
            <NotificationBanner variant="warning">
              <p>{notice}</p>
            </NotificationBanner>
          ) : null}
          <p>{lead}</p>
        </>
      }
      action={action}
      errors={errors}
      submit={t("accounts.code.submit")}
      after={
        resend ? (
          <form method="post" action={resend.action} class="section">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button class="button button--secondary" type="submit">
              {resend.label}
            </button>
          </form>
        ) : null
      }
    >
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <TextInput
        name="code"
        label={label}
        hint={hint}
        inputMode="numeric"
        autocomplete="one-time-code"
        width="10"
        dir="ltr"
        error={errorFor(errors, "code")}
      />
    </FormPage>
  );
}

export function MessagePage({
  title,
  body,
  link,
}: {
  title: string;
  body: string;
  link?: { href: string; label: string } | undefined;
}) {
  return (
    <div class="narrow">
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{body}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </div>
  );
}

export function ResetRequestPage({ errors = [], identifier = "" }: { errors?: FieldError[]; identifier?: string }) {
  const { t, href } = usePage();
  return (
    <FormPage
      title={t("accounts.reset.title")}
      lead={<p>{t("accounts.reset.lead")}</p>}
      action={href("/reset-password")}
      errors={errors}
      submit={t("accounts.reset.submit")}
    >
      <TextInput
        name="identifier"
        label={t("accounts.signIn.identifier")}
        hint={t("accounts.signIn.identifierHint")}
        value={identifier}
        autocomplete="username"
        dir="ltr"
        spellcheck={false}
        error={errorFor(errors, "identifier")}
      />
    </FormPage>
  );
}

export function NewPasswordFields({ errors }: { errors: FieldError[] }) {
  const { t } = usePage();
  return (
    <>
      <TextInput
        name="password"
        type="password"
        label={t("accounts.fields.newPassword")}
        hint={t("accounts.fields.passwordHint")}
        autocomplete="new-password"
        dir="ltr"
        error={errorFor(errors, "password")}
      />
      <TextInput
        name="confirmPassword"
        type="password"
        label={t("accounts.fields.confirmPassword")}
        autocomplete="new-password"
        dir="ltr"
        error={errorFor(errors, "confirmPassword")}
      />
    </>
  );
}

export function ResetPasswordPage({ token, errors = [] }: { token: string; errors?: FieldError[] }) {
  const { t, href } = usePage();
  return (
    <FormPage
      title={t("accounts.reset.newTitle")}
      action={href(`/reset-password/${token}`)}
      errors={errors}
      submit={t("accounts.reset.save")}
    >
      <NewPasswordFields errors={errors} />
    </FormPage>
  );
}
