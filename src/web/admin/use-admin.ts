import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTokenInput, CreateUserInput, TokenView, UpdateUserInput, UserView } from "../../core/admin/schema";
import { api } from "../api/client";

/** Users of this node (admins and commanders may list them). */
export function useUsers() {
  return useQuery({ queryKey: ["users"], queryFn: () => api<UserView[]>("/users") });
}

/** POST /api/v1/users. */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api<UserView>("/users", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** PATCH /api/v1/users/{username}: role, scope, password or disabled. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ username, ...body }: UpdateUserInput & { username: string }) =>
      api<UserView>(`/users/${encodeURIComponent(username)}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** API tokens: one's own, or all of them for an admin. */
export function useTokens() {
  return useQuery({ queryKey: ["tokens"], queryFn: () => api<TokenView[]>("/tokens") });
}

/** POST /api/v1/tokens; the secret is in the answer only, once. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateTokenInput>) => api<TokenView & { token: string }>("/tokens", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

/** DELETE /api/v1/tokens/{id}. */
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tokens"] }),
  });
}
