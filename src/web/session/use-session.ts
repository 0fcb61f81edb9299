import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { meSchema } from "../../core/admin/schema";
import { ApiError, api } from "../api/client";

/** The logged-in user, as GET /api/v1/me answers. */
export type Me = z.infer<typeof meSchema>;

/** The caller; `null` when nobody is logged in (a 401), so the console shows the login page. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api<Me>("/me");
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** POST /api/v1/session; on success everything cached for a previous user is dropped. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<Me & { expiresAt: string }>("/session", { method: "POST", body }),
    onSuccess: ({ username, role, node, scope }) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
      qc.setQueryData<Me>(["me"], { username, role, node, scope });
    },
  });
}

/** DELETE /api/v1/session, then forget everything cached for this user. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/session", { method: "DELETE" }),
    onSettled: () => {
      qc.setQueryData(["me"], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    },
  });
}
