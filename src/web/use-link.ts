import type { MouseEvent } from "react";
import { useLocation } from "wouter";

/**
 * Props that make any anchor-like component a client-side link: a real `href` (so it can
 * be opened in a new tab, read by screen readers, and followed by keyboard) and a click
 * handler that navigates without a reload for a plain left click.
 */
export function useLink(href: string): { href: string; onClick: (e: MouseEvent<HTMLElement>) => void } {
  const [, navigate] = useLocation();
  return {
    href,
    onClick: (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(href);
    },
  };
}
