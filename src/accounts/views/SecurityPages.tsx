import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Tag } from "../../platform/design/Tag.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { NewPasswordFields } from "./SignInPages.js";

function Csrf() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

/** Security: two-step verification, the password, and signing out everywhere. */
export function SecurityPage({
  totpEnabled,
  errors = [],
  notice,
  form,
}: {
  totpEnabled: boolean;
  errors?: FieldError[];
  notice?: string | undefined;
  form?: "password" | "totp" | undefined;
}) {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("accounts.security.title")}</h1>
      {notice ? (
        <NotificationBanner variant="success">
          <p>{notice}</p>
        </NotificationBanner>
      ) : null}
      <section class="section" aria-labelledby="security-totp">
        <h2 class="heading-l" id="security-totp">
          {t("accounts.security.totp.title")}{" "}
          {totpEnabled ? (
            <Tag colour="green">{t("accounts.security.totp.on")}</Tag>
          ) : (
            <Tag colour="grey">{t("accounts.security.totp.off")}</Tag>
          )}
        </h2>
        <p>{t("accounts.security.totp.lead")}</p>
        {totpEnabled ? (
          <form method="post" action={href("/my/security/totp/disable")} novalidate>
            <Csrf />
            <TextInput
              id="disable-password"
              name="password"
              type="password"
              label={t("accounts.security.totp.disablePassword")}
              autocomplete="current-password"
              dir="ltr"
              error={form === "totp" ? errorFor(errors, "password") : undefined}
            />
            <Button variant="warning">{t("accounts.security.totp.disable")}</Button>
          </form>
        ) : (
          <form method="post" action={href("/my/security/totp")}>
            <Csrf />
            <Button>{t("accounts.security.totp.setUp")}</Button>
          </form>
        )}
      </section>
      <section class="section" aria-labelledby="security-password">
        <h2 class="heading-l" id="security-password">
          {t("accounts.security.password.title")}
        </h2>
        <form method="post" action={href("/my/security/password")} novalidate>
          <Csrf />
          <TextInput
            name="currentPassword"
            type="password"
            label={t("accounts.security.password.current")}
            autocomplete="current-password"
            dir="ltr"
            error={form === "password" ? errorFor(errors, "currentPassword") : undefined}
          />
          <NewPasswordFields errors={form === "password" ? errors : []} />
          <Button>{t("accounts.security.password.save")}</Button>
        </form>
      </section>
      <section class="section" aria-labelledby="security-everywhere">
        <h2 class="heading-l" id="security-everywhere">
          {t("accounts.security.everywhere.title")}
        </h2>
        <p>{t("accounts.security.everywhere.lead")}</p>
        <form method="post" action={href("/my/security/sign-out-everywhere")}>
          <Csrf />
          <Button variant="warning">{t("accounts.security.everywhere.submit")}</Button>
        </form>
      </section>
    </div>
  );
}

/** Setting up the authenticator app: scan the code (or type the key), then confirm with a code. */
export function TotpSetupPage({ qrDataUrl, secret, errors = [] }: { qrDataUrl: string; secret: string; errors?: FieldError[] }) {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("accounts.security.totp.setUpTitle")}</h1>
      <ol class="list list--number">
        <li>{t("accounts.security.totp.step1")}</li>
        <li>{t("accounts.security.totp.step2")}</li>
        <li>{t("accounts.security.totp.step3")}</li>
      </ol>
      <p>
        <img class="qr" src={qrDataUrl} alt={t("accounts.security.totp.qrAlt")} width={200} height={200} />
      </p>
      <p>
        {t("accounts.security.totp.key")}{" "}
        <bdi class="reference" dir="ltr">
          <code>{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </bdi>
      </p>
      <form method="post" action={href("/my/security/totp/confirm")} novalidate>
        <Csrf />
        <TextInput
          name="code"
          label={t("accounts.security.totp.code")}
          inputMode="numeric"
          autocomplete="one-time-code"
          width="10"
          dir="ltr"
          error={errorFor(errors, "code")}
        />
        <Button>{t("accounts.security.totp.confirm")}</Button>
      </form>
    </div>
  );
}
