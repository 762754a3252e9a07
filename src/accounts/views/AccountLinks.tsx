import { usePage } from "../../platform/layout/page-context.js";

/** The header's account links: sign in, or My Hukoomi and sign out. */
export function AccountLinks() {
  const page = usePage();
  // The token is read only for the sign-out form: a page for an anonymous visitor carries none (it is the same for everyone).
  const { t, href, viewerName } = page;
  if (!viewerName) {
    return (
      <a class="account-links__link" href={href("/sign-in")}>
        {t("accounts.nav.signIn")}
      </a>
    );
  }
  return (
    <div class="account-links">
      <a class="account-links__link" href={href("/my")}>
        {t("accounts.nav.my")}
        <span class="visually-hidden"> {t("accounts.nav.signedInAs", { name: viewerName })}</span>
      </a>
      <form class="account-links__form" method="post" action={href("/sign-out")}>
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <button class="account-links__button" type="submit">
          {t("accounts.nav.signOut")}
        </button>
      </form>
    </div>
  );
}
