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

export const eventSchema = z.strictObject({
  id: z.string().regex(UUID_PATTERN),
  space: spaceIdSchema,
  origin: nodeIdSchema,
  seq: z.number().int().positive(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hlc: z.string().min(1).max(40),
  actor: z.string().min(1).max(120),
  type: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/),
  v: z.number().int().positive(),
  subject: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()),
  sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

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
