import type { z } from "zod";
import { type Event, NATIONAL_SPACE } from "./envelope";

/**
 * Who may write an event type (DESIGN.md, "Who may write what"), declared once next to its
 * schema and enforced identically for local commands and for events received from peers.
 * - `create`: starts a new subject; its origin becomes the subject's owner for life.
 * - `owner`: only the origin that created the subject.
 * - `member`: every member of the space, each writing its own record about an existing subject.
 */
export type WriterRule = "create" | "owner" | "member";

/** Which spaces an event type may live in. Credentials, for one, never leave the node. */
export type SpaceRule = "national" | "shared" | "any";

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly v: number;
  readonly writer: WriterRule;
  readonly spaces: SpaceRule;
  readonly data: S;
  /** Data fields never shown outside the node's own audit (e.g. credential hashes). */
  readonly secret?: readonly string[];
}

/** Declares an event type; the type of `data` is inferred from its schema. */
export function defineEvent<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}

export type EventData<D> = D extends EventDefinition<infer S> ? z.infer<S> : never;

/** Why an event may not enter a log, as a stable code and a sentence. */
export interface EventRejection {
  readonly code: "unknown_type" | "bad_data" | "wrong_space" | "wrong_writer" | "subject_exists" | "no_subject";
  readonly message: string;
}

/** Ownership facts the writer rule needs: who created the subject, if anyone. */
export type SubjectOwner = string | undefined;

export interface EventRegistry {
  get(type: string, v: number): EventDefinition | undefined;
  all(): readonly EventDefinition[];
  /** Checks type, version, data schema and space; the parsed data on success. */
  check(event: Pick<Event, "type" | "v" | "space" | "data">): EventRejection | undefined;
  /** Checks the writer rule against the subject's current owner. */
  checkWriter(event: Pick<Event, "type" | "v" | "origin">, owner: SubjectOwner): EventRejection | undefined;
}

export function createEventRegistry(definitions: readonly EventDefinition[]): EventRegistry {
  const byKey = new Map<string, EventDefinition>();
  for (const def of definitions) {
    const key = `${def.type}@${def.v}`;
    if (byKey.has(key)) throw new Error(`event type ${key} is declared twice`);
    byKey.set(key, def);
  }
  const get = (type: string, v: number) => byKey.get(`${type}@${v}`);

  return {
    get,
    all: () => [...byKey.values()],
    check(event) {
      const def = get(event.type, event.v);
      if (!def) return { code: "unknown_type", message: `unknown event type ${event.type} v${event.v}` };
      const national = event.space === NATIONAL_SPACE;
      if ((def.spaces === "national" && !national) || (def.spaces === "shared" && national)) {
        return { code: "wrong_space", message: `${event.type} may not be written in space ${event.space}` };
      }
      const parsed = def.data.safeParse(event.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.join(".") || "data";
        return { code: "bad_data", message: `${event.type}: ${where}: ${issue?.message ?? "invalid"}` };
      }
      return undefined;
    },
    checkWriter(event, owner) {
      const def = get(event.type, event.v);
      if (!def) return { code: "unknown_type", message: `unknown event type ${event.type} v${event.v}` };
      if (def.writer === "create") {
        return owner === undefined ? undefined : { code: "subject_exists", message: "the subject already exists" };
      }
      if (owner === undefined) return { code: "no_subject", message: "the subject does not exist" };
      if (def.writer === "owner" && owner !== event.origin) {
        return { code: "wrong_writer", message: `only ${owner}, the subject's owner, may write ${event.type}` };
      }
      return undefined;
    },
  };
}
