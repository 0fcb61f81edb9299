import { useState } from "react";

/**
 * An open/closed toggle that belongs to one object: when the page moves to another object
 * (a link from a unit to its counterpart, from a report to its copy), the toggle starts
 * closed again instead of carrying a half-filled form across.
 */
export function useOpenFor(id: string): [boolean, (next: boolean | ((open: boolean) => boolean)) => void] {
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === id;
  return [open, (next) => setOpenFor((typeof next === "function" ? next(open) : next) ? id : null)];
}
