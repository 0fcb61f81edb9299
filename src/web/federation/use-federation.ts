import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

/** This node's identity (GET /api/v1/node). */
export interface NodeInfo {
  id: string;
  name: string;
  country: string;
  publicKey: string;
  spaces: { id: string; name: string; members: string[] }[];
}

/** A peer and its replication state (GET /api/v1/peers). */
export interface PeerStatus {
  node: string;
  name: string;
  url: string;
  status: "connected" | "unreachable" | "quarantined" | "pending";
  lagEvents: number;
  lastContact: string | null;
  lastError: string | null;
  quarantined: number;
}

/** A shared space and its members (GET /api/v1/spaces). */
export interface SpaceView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  members: { node: string; joined: boolean }[];
}

/** A quarantined event (GET /api/v1/quarantine). */
export interface QuarantineView {
  id: string;
  peer: string;
  space: string;
  origin: string;
  seq: number;
  code: string;
  reason: string;
  at: string;
}

/** The node the console talks to: rarely changes, fetched once per session. */
export function useNodeInfo() {
  return useQuery({ queryKey: ["node"], queryFn: () => api<NodeInfo>("/node"), staleTime: 300_000 });
}

/**
 * Each peer's state. Contact and lag change without a log event here, so this also polls
 * (every 10 s); peer.* and receipt.* events on the stream refresh it at once.
 */
export function usePeers() {
  return useQuery({ queryKey: ["peers"], queryFn: () => api<PeerStatus[]>("/peers"), refetchInterval: 10_000 });
}

/** Shared spaces and who has joined them. */
export function useSpaces() {
  return useQuery({ queryKey: ["spaces"], queryFn: () => api<SpaceView[]>("/spaces") });
}

/** Open quarantines (events a peer sent that this node refused). */
export function useQuarantine() {
  return useQuery({ queryKey: ["peers", "quarantine"], queryFn: () => api<QuarantineView[]>("/quarantine") });
}
