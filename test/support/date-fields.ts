/** A day and time as the staff forms' boxes take them (day, month, year, HH:MM in Doha time). */
export function dateTimeFields(prefix: string, date: Date): Record<string, string> {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Qatar",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return {
    [`${prefix}-day`]: p.day ?? "",
    [`${prefix}-month`]: p.month ?? "",
    [`${prefix}-year`]: p.year ?? "",
    [`${prefix}-time`]: `${p.hour}:${p.minute}`,
  };
}
