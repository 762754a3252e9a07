/**
 * The municipalities of Qatar, each with a point near its centre, so that a
 * person who gives their area sees the nearest service centres first. A
 * centre's `area` is one of these slugs; its name is booking.areas.<slug>.
 */
export const AREAS = {
  doha: { lat: 25.2854, lon: 51.531 },
  "al-rayyan": { lat: 25.2919, lon: 51.4244 },
  "al-wakrah": { lat: 25.1659, lon: 51.5976 },
  "umm-salal": { lat: 25.4152, lon: 51.4065 },
  "al-khor": { lat: 25.6839, lon: 51.5058 },
  "al-shamal": { lat: 26.1293, lon: 51.2009 },
  "al-daayen": { lat: 25.431, lon: 51.49 },
  "al-shahaniya": { lat: 25.371, lon: 51.204 },
} as const;

export type Area = keyof typeof AREAS;
export const AREA_SLUGS = Object.keys(AREAS) as Area[];

export function isArea(value: unknown): value is Area {
  return typeof value === "string" && Object.hasOwn(AREAS, value);
}

/** Kilometres between two areas' points (the haversine distance); far away for an area not on the list. */
export function kilometresBetween(from: Area, to: string): number {
  if (!isArea(to)) return Number.POSITIVE_INFINITY;
  const a = AREAS[from];
  const b = AREAS[to];
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Centres nearest the area first (those in it, then by distance), otherwise in their own order. */
export function nearestFirst<T extends { area: string; slug: string }>(centres: T[], from: Area | undefined): T[] {
  if (!from) return centres;
  return centres
    .map((c, i) => ({ c, i, km: kilometresBetween(from, c.area) }))
    .sort((x, y) => x.km - y.km || x.i - y.i)
    .map((x) => x.c);
}
