import type { TFunction } from "i18next";
import { ApiError } from "../api/client";
import type { FormErrors } from "../i18n/validation";

/** Problem codes whose field message the console says in the user's language. */
const KNOWN: Record<string, string> = {
  "border.outside_own_territory": "border.errors.outsideTerritory",
  "border.bad_coordinates": "border.errors.badCoordinates",
  "border.bad_mgrs": "border.errors.badMgrs",
  "border.cross_space_reference": "border.errors.crossSpace",
  "crossing.not_found": "border.errors.crossingNotFound",
  "sector.not_found": "border.errors.sectorNotFound",
};

/**
 * The fields a refused request names, keyed as the form keys its inputs ("position",
 * "goods.0.quantity"). Positions may be named as `position`, `position.lat` or
 * `position.mgrs`; all of them land on the form's position fields.
 */
export function serverFieldErrors(error: unknown, t: TFunction): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FormErrors = {};
  for (const e of error.errors) {
    const field = e.field.replace(/^body\.?/, "") || "_";
    const known = KNOWN[error.code];
    out[field] ??= known ? t(known) : e.message;
  }
  return out;
}
