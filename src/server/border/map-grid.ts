/**
 * The grid the map aggregates on. Each band is a square grid in degrees whose cells are
 * 64 px wide on a web-Mercator map at the zoom of the same number (256·2^z px span 360°,
 * so 360 / 2^(band+2) degrees per cell). The projection counts every incident into one cell
 * per band and day (and, for the wide bands, per hour); a map query reads the band of its
 * zoom, so the rows it sums do not grow with the number of incidents, only with the cells on
 * screen and the days asked.
 */
export const BANDS = [3, 5, 7, 9, 11, 13] as const;
export type Band = (typeof BANDS)[number];

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Bands also counted per hour: wide views, whose partial days would otherwise read many incidents. */
export const HOURLY_BANDS: readonly number[] = [3, 5, 7];

export const cellDegrees = (band: number): number => 360 / 2 ** (band + 2);

/** The cell of a position in a band: column from longitude −180, row from latitude −90. */
export function cellOf(band: number, lon: number, lat: number): { cx: number; cy: number } {
  const size = cellDegrees(band);
  return { cx: Math.floor((lon + 180) / size), cy: Math.floor((lat + 90) / size) };
}

/** The finest band not finer than the zoom: cells of 64–128 px on screen. */
export function bandForZoom(zoom: number): Band {
  let chosen: Band = BANDS[0];
  for (const b of BANDS) if (b <= zoom) chosen = b;
  return chosen;
}

/** UTC day number (days since 1970-01-01) of an instant. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** Hour number (hours since 1970-01-01T00:00Z) of an instant. */
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS);

/** The cells of a band a bounding box touches, as inclusive column and row ranges. */
export function cellRange(band: number, bbox: readonly [number, number, number, number]) {
  const lo = cellOf(band, bbox[0], bbox[1]);
  const hi = cellOf(band, bbox[2], bbox[3]);
  return { cx0: lo.cx, cy0: lo.cy, cx1: hi.cx, cy1: hi.cy };
}
