import { usePage } from "../layout/page-context.js";
import { dohaDate } from "../time/doha.js";

/** A date in the Gregorian calendar, with the Hijri (Umm al-Qura) date beside it when asked. */
export function DateDisplay({ date, withHijri = false }: { date: Date; withHijri?: boolean }) {
  const { date: fmt, hijri, t } = usePage();
  return (
    <span class="date">
      <time dateTime={dohaDate(date)}>{fmt(date)}</time>
      {withHijri ? <span class="date__hijri">{t("components.date.hijri", { date: hijri(date) })}</span> : null}
    </span>
  );
}
