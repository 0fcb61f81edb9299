import { z } from "zod";
import { UUID_PATTERN } from "./ids";

/**
 * The event envelope: the unit of change and of replication (DESIGN.md, "Events and spaces").
 * Everything here except `sig` is covered by the signature; `prev` makes each event commit
 * to the whole history of its (space, origin) chain before it.
 */
export const NODE_ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
export const SPACE_ID_PATTERN = /^(national|[a-z0-9][a-z0-9-]{2,63})$/;
export const NATIONAL_SPACE = "national";
/** The `prev` of the first event of every chain. */
export const GENESIS_PREV = "0".repeat(64);

export const nodeIdSchema = z.string().regex(NODE_ID_PATTERN, "a node id is 2–32 lower-case letters, digits or '-'");
export const spaceIdSchema = z.string().regex(SPACE_ID_PATTERN, "not a space id");

const PREV_PATTERN = /^[0-9a-f]{64}$/;
const TYPE_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const SIG_PATTERN = /^[A-Za-z0-9_-]{86}$/;

export const eventSchema = z.strictObject({
  id: z.string().regex(UUID_PATTERN),
  space: spaceIdSchema,
  origin: nodeIdSchema,
  seq: z.number().int().positive(),
  prev: z.string().regex(PREV_PATTERN),
  hlc: z.string().min(1).max(40),
  actor: z.string().min(1).max(120),
  type: z.string().regex(TYPE_PATTERN),
  v: z.number().int().positive(),
  subject: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()),
  sig: z.string().regex(SIG_PATTERN),
});

const ENVELOPE_KEYS = Object.keys(eventSchema.shape);
const text = (v: unknown, min: number, max: number): v is string => typeof v === "string" && v.length >= min && v.length <= max;
const counter = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/**
 * Whether `value` certainly passes `eventSchema`: the same rules written out by hand, which
 * costs a fraction of the general validator on the replication hot path. It may only say
 * yes where the schema says yes; anything unusual (an extra or `__proto__` key, data that is
 * not a plain object) answers no and is left to the schema, which then decides.
 */
function isPlainEnvelope(value: unknown): value is Event {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const e = value as Record<string, unknown>;
  let keys = 0;
  for (const k in e) {
    if (!Object.hasOwn(e, k)) return false;
    keys++;
  }
  if (keys !== ENVELOPE_KEYS.length) return false;
  const data = e.data;
  return (
    typeof e.id === "string" &&
    UUID_PATTERN.test(e.id) &&
    typeof e.space === "string" &&
    SPACE_ID_PATTERN.test(e.space) &&
    typeof e.origin === "string" &&
    NODE_ID_PATTERN.test(e.origin) &&
    counter(e.seq) &&
    typeof e.prev === "string" &&
    PREV_PATTERN.test(e.prev) &&
    text(e.hlc, 1, 40) &&
    text(e.actor, 1, 120) &&
    typeof e.type === "string" &&
    TYPE_PATTERN.test(e.type) &&
    counter(e.v) &&
    text(e.subject, 1, 200) &&
    typeof data === "object" &&
    data !== null &&
    Object.getPrototypeOf(data) === Object.prototype &&
    !Object.hasOwn(data, "__proto__") &&
    typeof e.sig === "string" &&
    SIG_PATTERN.test(e.sig)
  );
}

function inSchemaOrder(e: object): boolean {
  let i = 0;
  for (const k in e) if (k !== ENVELOPE_KEYS[i++]) return false;
  return true;
}

/**
 * Reads a received envelope (parsed JSON): the event, or the schema's first complaint.
 * The result has the schema's own field order, whichever path decided.
 */
export function readEnvelope(value: unknown): { event: Event } | { error: string } {
  if (isPlainEnvelope(value)) {
    // The wire writes the schema's order (wire.ts), so the parsed object usually is the result.
    if (inSchemaOrder(value)) return { event: value };
    const { id, space, origin, seq, prev, hlc, actor, type, v, subject, data, sig } = value;
    return { event: { id, space, origin, seq, prev, hlc, actor, type, v, subject, data: { ...data }, sig } };
  }
  const parsed = eventSchema.safeParse(value);
  return parsed.success ? { event: parsed.data } : { error: parsed.error.issues[0]?.message ?? "not an event" };
}

/** A signed event as stored and replicated. */
export type Event = z.infer<typeof eventSchema>;
/** An event before it is signed: what the signature covers. */
export type UnsignedEvent = Omit<Event, "sig">;

/** What a command asks the store to append; the store stamps the rest. */
export interface NewEvent {
  readonly space: string;
  readonly type: string;
  readonly v?: number;
  readonly subject: string;
  readonly data: Record<string, unknown>;
  readonly actor: string;
}

/** The tip of one (space, origin) chain: where the next event links. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_PREV };
