import { usePage } from "./page-context.js";

const footerLinks = [
  { path: "/about", key: "layout.footer.about" },
  { path: "/accessibility", key: "layout.footer.accessibility" },
  { path: "/privacy", key: "layout.footer.privacy" },
  { path: "/terms", key: "layout.footer.terms" },
  { path: "/contact", key: "layout.footer.contact" },
  { path: "/sitemap", key: "layout.footer.sitemap" },
  { path: "/strategy", key: "strategy.footerLink" },
  { path: "/opendata", key: "opendata.footerLink" },
  { path: "/visit", key: "visit.footerLink" },
  { path: "/workers", key: "workers.footerLink" },
  { path: "/design-system", key: "layout.footer.designSystem" },
];

export function Footer() {
  const { t, href } = usePage();
  return (
    <footer class="footer">
      <div class="container">
        <h2 class="visually-hidden">{t("layout.footer.heading")}</h2>
        <ul class="footer__links">
          {footerLinks.map((l) => (
            <li key={l.path}>
              <a class="footer__link" href={href(l.path)}>
                {t(l.key)}
              </a>
            </li>
          ))}
        </ul>
        <p class="footer__meta">{t("layout.footer.copyright", { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
