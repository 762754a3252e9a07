/** What other areas may read of a person's notifications, and the values a notification carries. */
export { countNotifications, notificationsOf } from "./repository.js";
export type { NotificationValues } from "./tables.js";
