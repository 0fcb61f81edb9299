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

/** A problem's field as the form keys its inputs: the body's fields lose their `body.` prefix. */
const formField = (field: string) => field.replace(/^body\.?/, "") || "_";

/**
 * The fields a refused request names, keyed as the form keys its inputs ("position",
 * "goods.0.quantity"). Positions may be named as `position`, `position.lat` or
 * `position.mgrs`; all of them land on the form's position fields.
 */
export function serverFieldErrors(error: unknown, t: TFunction): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FormErrors = {};
  for (const e of error.errors) {
    const known = KNOWN[error.code];
    out[formField(e.field)] ??= known ? t(known) : e.message;
  }
  return out;
}

/**
 * Whether a refusal names only fields the form shows (`fields` or their parts, such as
 * "route.2" of "route"). Then each field says its part in the user's language and the form
 * needs no alert; anything else (a role refused, the network down) the alert shows.
 */
export function placedOnFields(error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  return error.errors.every((e) => {
    const field = formField(e.field);
    return fields.some((f) => field === f || field.startsWith(`${f}.`));
  });
}

/** The message for a list input: said of the list itself or of one of its items ("crossingIds.2"). */
export function listError(errors: FormErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}

/** The errors left once `field` is edited: its own and its parts' ("route" takes "route.2.1" with it). */
export function withoutField(errors: FormErrors, field: string): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== field && !k.startsWith(`${field}.`)));
}
