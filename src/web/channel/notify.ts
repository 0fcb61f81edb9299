import i18next from "i18next";
import { plainText } from "../../core/channel/markdown";
import { isUrgent, tlpRank } from "../../core/channel/schema";
import type { EscalatedFrame, MessageView } from "./types";

/** Whether the browser may show system notifications, or cannot at all. */
export type NotifyPermission = NotificationPermission | "unsupported";

export function notifyPermission(): NotifyPermission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Asks once, when the user chooses to (never on page load: browsers and people dislike unasked prompts). */
export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === "undefined") return "unsupported";
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

function show(title: string, body: string, tag: string, urgent: boolean, onClick: () => void): void {
  try {
    const n = new Notification(title, { body, tag, requireInteraction: urgent, lang: i18next.language });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some mobile browsers only notify through a service worker: the console's own alerts remain.
  }
}

const MAX_BODY = 140;

/**
 * A system notification for a FLASH or IMMEDIATE message from someone else. From
 * TLP:AMBER+STRICT up the text stays out of it: a notification may be read by anyone near
 * the screen, or kept by the operating system.
 */
export function notifyMessage(m: MessageView, onClick: () => void): void {
  if (notifyPermission() !== "granted" || !isUrgent(m.precedence) || m.mine.isAuthor || m.withdrawnAt) return;
  const t = i18next.t.bind(i18next);
  const title = t("channel.notify.title", { precedence: t(`channel.precedence.${m.precedence}`), author: m.author });
  const text = plainText(m.body);
  const body =
    tlpRank(m.tlp) >= tlpRank("amber+strict")
      ? t("channel.notify.hidden", { tlp: `TLP:${m.tlp.toUpperCase()}` })
      : text.length > MAX_BODY
        ? `${text.slice(0, MAX_BODY - 1)}…`
        : text;
  show(title, m.ackRequired ? `${body}\n${t("channel.notify.ackRequired")}` : body, m.id, m.precedence === "flash", onClick);
}

/** Tells the author (and the conversation's commanders) that a message passed its handling objective unacknowledged. */
export function notifyEscalated(e: EscalatedFrame, onClick: () => void): void {
  if (notifyPermission() !== "granted") return;
  const t = i18next.t.bind(i18next);
  show(
    t("channel.notify.escalatedTitle", { precedence: t(`channel.precedence.${e.precedence}`, { defaultValue: e.precedence }) }),
    t("channel.notify.escalatedBody"),
    `escalated:${e.message}`,
    true,
    onClick,
  );
}
