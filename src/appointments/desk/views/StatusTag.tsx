import { Tag, type TagColour } from "../../../platform/design/Tag.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { BookingStatus } from "../../tables.js";

const colours: Record<BookingStatus, TagColour> = {
  held: "grey",
  booked: "blue",
  "checked-in": "green",
  "no-show": "red",
  cancelled: "grey",
  expired: "grey",
};

/** A booking's status as the desk names it. */
export function StatusTag({ status }: { status: BookingStatus }) {
  const { t } = usePage();
  return <Tag colour={colours[status]}>{t(`centreStaff.status.${status}`)}</Tag>;
}
