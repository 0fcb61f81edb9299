import assert from "node:assert/strict";
import { type ClientRequest, get } from "node:http";
import type { RunningNode } from "../../src/server/main";
import { apiOf } from "../helpers/commitments";
import { addUser } from "../helpers/node";

/** Shared pieces of the channel's cross-node suites: a live SSE reader, HTTP calls, users. */
export interface Frame {
  readonly event: string;
  readonly id?: string;
  readonly data: unknown;
  /** performance.now() when the frame was parsed. */
  readonly at: number;
}

/**
 * A user's `GET /api/v1/stream` over real HTTP, parsed as it arrives. `next` resolves with the
 * first frame (already received or still to come) that matches, or fails after `timeoutMs`.
 */
export async function openStream(baseUrl: string, token: string, label = "a user", after?: number) {
  const frames: Frame[] = [];
  const waiters = new Set<(f: Frame) => void>();
  let req: ClientRequest | undefined;
  await new Promise<void>((resolve, reject) => {
    req = get(
      `${baseUrl}/api/v1/stream${after === undefined ? "" : `?after=${after}`}`,
      { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          buffer += chunk;
          // One pass over the chunk, one slice at the end: a catch-up sends thousands of frames at once.
          let start = 0;
          for (let i = buffer.indexOf("\n\n"); i !== -1; i = buffer.indexOf("\n\n", start)) {
            const raw = buffer.slice(start, i);
            start = i + 2;
            const fields = new Map<string, string>();
            for (const line of raw.split("\n")) {
              const m = /^([a-z]+): ?(.*)$/.exec(line);
              if (m) fields.set(m[1] as string, m[2] as string);
            }
            const event = fields.get("event");
            if (!event) continue;
            const id = fields.get("id");
            const frame: Frame = { event, ...(id ? { id } : {}), data: JSON.parse(fields.get("data") ?? "null"), at: performance.now() };
            frames.push(frame);
            for (const w of waiters) w(frame);
          }
          buffer = buffer.slice(start);
        });
        // The first bytes (`retry:`) mean the stream is subscribed.
        res.once("data", () => resolve());
      },
    );
    req.on("error", reject);
  });
  return {
    frames,
    next(match: (f: Frame) => boolean, timeoutMs = 15_000): Promise<Frame> {
      const found = frames.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        // Each new frame is looked at once: a catch-up may bring tens of thousands.
        const check = (f: Frame) => {
          if (!match(f)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(f);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const got = frames.slice(-12).map((f) => `${f.event}${f.event === "log" ? `(${(f.data as { type: string }).type})` : ""}`);
          reject(
            new Error(
              `no matching frame on ${label}'s stream within ${timeoutMs} ms; got ${frames.length} frames, the last: ${got.join(", ")}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => req?.destroy(),
  };
}

export type Stream = Awaited<ReturnType<typeof openStream>>;
export const posted = (id: string) => (f: Frame) => f.event === "message.posted" && (f.data as { id: string }).id === id;

/** The channel API of a node over real HTTP (it may run in another process). */
export function httpApi(baseUrl: string) {
  return async (token: string, method: "GET" | "POST" | "PATCH", path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

/** The in-process API of a running node, answering parsed JSON after checking the status. */
export function expecting(r: RunningNode) {
  const api = apiOf(r.app);
  return async <T = Record<string, unknown>>(
    token: string,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: unknown,
    status = 200,
  ) => {
    const res = await api(token, method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
    return res.json<T>();
  };
}

/** Adds users with bearer tokens: `{ ana: token, … }`. */
export async function users(r: RunningNode, list: Record<string, Parameters<typeof addUser>[2]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, role] of Object.entries(list)) out[name] = await addUser(r.node, name, role);
  return out;
}

export interface MessageBody {
  id: string;
  conversation: string;
  seq: number;
  hash: string;
  body: string;
  html: string;
  version: number;
  provisional: boolean;
  precedence: string;
  postedAt: string;
  storedAt: string;
  delayMs: number;
  dueAt: string | null;
  escalatedAt: string | null;
  acknowledgedBy: string[];
  attachments: { name: string; type: string; size: number; sha256: string }[];
  withdrawnAt: string | null;
  mine: { read: boolean; acknowledged: boolean; pending: string[]; isAddressee: boolean };
}
