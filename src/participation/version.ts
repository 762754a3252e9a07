/**
 * The change counter of what the public sees of participation (polls,
 * surveys, consultations): bumped whenever one is created, changed,
 * published, closed or answered, so the page cache and the home page's
 * kept data follow within a second.
 */
export const PARTICIPATION_VERSION = "participation";
