import type { Generated } from "kysely";

/**
 * Row types of the node's own tables. Projection tables of each domain are declared by that
 * domain (its `projection.ts`) and merged here, so queries are typed end to end.
 */
export interface EventsTable {
  pos: Generated<number>;
  id: string;
  space: string;
  origin: string;
  seq: number;
  prev: string;
  hlc: string;
  actor: string;
  type: string;
  v: number;
  subject: string;
  data: string;
  sig: string;
  hash: string;
  /** When this node stored the event (ms since epoch): the basis of lag figures. */
  stored_at: number;
}

export interface HeadsTable {
  space: string;
  origin: string;
  seq: number;
  hash: string;
  hlc: string;
}

export interface SubjectsTable {
  space: string;
  subject: string;
  owner: string;
  type: string;
}

export interface ProjectionStateTable {
  name: string;
  version: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface UsersTable {
  id: string;
  username: string;
  role: string;
  scope: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface TokensTable {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface CursorsTable {
  peer: string;
  space: string;
  origin: string;
  seq: number;
  updated_at: number;
}

export interface PeerStatusTable {
  peer: string;
  last_contact: number | null;
  last_error: string | null;
  remote_heads: string;
  updated_at: number;
}

export interface Tables {
  cursors: CursorsTable;
  peer_status: PeerStatusTable;
  events: EventsTable;
  heads: HeadsTable;
  subjects: SubjectsTable;
  projection_state: ProjectionStateTable;
  sessions: SessionsTable;
  users: UsersTable;
  tokens: TokensTable;
}
