import type { z } from "zod";
import { type Event, NATIONAL_SPACE } from "./envelope";

/**
 * Who may write an event type (DESIGN.md, "Who may write what"), declared once next to its
 * schema and enforced identically for local commands and for events received from peers.
 * - `create`: starts a new subject; its origin becomes the subject's owner for life.
 * - `owner`: only the origin that created the subject.
 * - `member`: every member of the space, each writing its own record about an existing subject.
 * - `addressee`: like `member`, but only a node the subject is addressed to, as named by the
 *   `addressees` of the event that created it (e.g. only a recipient's node acknowledges a message).
 */
export type WriterRule = "create" | "owner" | "member" | "addressee";

/** Which spaces an event type may live in. Credentials, for one, never leave the node. */
export type SpaceRule = "national" | "shared" | "any";

/** Facts about the node that wrote an event, for rules its data alone cannot settle. */
export interface WriterFacts {
  /** The country the writer declares (ISO 3166-1 alpha-2), when known. */
  readonly country: string | undefined;
}

/**
 * A domain rule beyond the schema (e.g. "a side records positions on its own territory"):
 * the reason it is broken, or undefined. It sees only the event and its writer, never the
 * projections, so local commands and received events are judged alike in any order.
 */
export type EventRule = (event: Pick<Event, "origin" | "space" | "data">, writer: WriterFacts) => string | undefined;

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly v: number;
  readonly writer: WriterRule;
  readonly spaces: SpaceRule;
  readonly data: S;
  /** Data fields never shown outside the node's own audit (e.g. credential hashes). */
  readonly secret?: readonly string[];
  /** A rule the data must also meet; composition roots attach it (it may need data files). */
  readonly rule?: EventRule;
  /** For a `create` type: the nodes the new subject is addressed to, for its `addressee` events. */
  addressees?(data: z.infer<S>): readonly string[];
}

/** Declares an event type; the type of `data` is inferred from its schema. */
export function defineEvent<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}

export type EventData<D> = D extends EventDefinition<infer S> ? z.infer<S> : never;

/** Why an event may not enter a log, as a stable code and a sentence. */
export interface EventRejection {
  readonly code: "unknown_type" | "bad_data" | "wrong_space" | "wrong_writer" | "subject_exists" | "no_subject" | "rule_broken";
  readonly message: string;
}

/** Ownership facts the writer rule needs: who created the subject, if anyone. */
export type SubjectOwner = string | undefined;

export interface EventRegistry {
  get(type: string, v: number): EventDefinition | undefined;
  all(): readonly EventDefinition[];
  /** Checks type, version, data schema and space; the parsed data on success. */
  check(event: Pick<Event, "type" | "v" | "space" | "data">): EventRejection | undefined;
  /**
   * Checks the writer rule against the subject's current owner, and for an `addressee` type
   * against the nodes the subject is addressed to (`addresseesOf` its creating event).
   */
  checkWriter(event: Pick<Event, "type" | "v" | "origin">, owner: SubjectOwner, addressees?: readonly string[]): EventRejection | undefined;
  /** The nodes a subject is addressed to, from the (already checked) event that created it; none if its type names none. */
  addresseesOf(created: Pick<Event, "type" | "v" | "data">): readonly string[];
  /** Checks the type's domain rule, if it has one (call after `check`). */
  checkRule(event: Pick<Event, "type" | "v" | "origin" | "space" | "data">, writer: WriterFacts): EventRejection | undefined;
}

export function createEventRegistry(definitions: readonly EventDefinition[]): EventRegistry {
  const byKey = new Map<string, EventDefinition>();
  for (const def of definitions) {
    const key = `${def.type}@${def.v}`;
    if (byKey.has(key)) throw new Error(`event type ${key} is declared twice`);
    byKey.set(key, def);
  }
  // By type, then version: the store asks several times per event, and this builds no key string.
  const byType = new Map<string, Map<number, EventDefinition>>();
  for (const def of byKey.values()) {
    const versions = byType.get(def.type) ?? new Map<number, EventDefinition>();
    versions.set(def.v, def);
    byType.set(def.type, versions);
  }
  const get = (type: string, v: number) => byType.get(type)?.get(v);

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
    checkWriter(event, owner, addressees) {
      const def = get(event.type, event.v);
      if (!def) return { code: "unknown_type", message: `unknown event type ${event.type} v${event.v}` };
      if (def.writer === "create") {
        return owner === undefined ? undefined : { code: "subject_exists", message: "the subject already exists" };
      }
      if (owner === undefined) return { code: "no_subject", message: "the subject does not exist" };
      if (def.writer === "owner" && owner !== event.origin) {
        return { code: "wrong_writer", message: `only ${owner}, the subject's owner, may write ${event.type}` };
      }
      if (def.writer === "addressee" && !(addressees ?? []).includes(event.origin)) {
        return { code: "wrong_writer", message: `only a node the subject is addressed to may write ${event.type}` };
      }
      return undefined;
    },
    addresseesOf(created) {
      const def = get(created.type, created.v);
      if (!def?.addressees) return [];
      // The creating event passed its schema when it entered the log (or, in the same batch,
      // just before), so its data is not parsed again; a shape it cannot have names nobody.
      try {
        return def.addressees(created.data as never);
      } catch {
        return [];
      }
    },
    checkRule(event, writer) {
      const broken = get(event.type, event.v)?.rule?.(event, writer);
      return broken === undefined ? undefined : { code: "rule_broken", message: `${event.type}: ${broken}` };
    },
  };
}
