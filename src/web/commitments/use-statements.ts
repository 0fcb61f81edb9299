import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StatementInput } from "../../core/commitments/schema";
import { api } from "../api/client";
import type { Agreement, ParsedStatement, Statement } from "./types";

/** Joint statements with their agreements and roll-ups. */
export function useStatements() {
  return useQuery({ queryKey: ["statements"], queryFn: () => api<Statement[]>("/statements") });
}

/** One statement with its full text. */
export function useStatement(id: string) {
  return useQuery({ queryKey: ["statements", id], queryFn: () => api<Statement>(`/statements/${encodeURIComponent(id)}`) });
}

/** Every agreement (operations link to them). */
export function useAgreements() {
  return useQuery({ queryKey: ["agreements"], queryFn: () => api<Agreement[]>("/agreements") });
}

/** The paste box: the server splits a statement's text into draft agreements. */
export function useParseStatement() {
  return useMutation({ mutationFn: (text: string) => api<ParsedStatement>("/statements/parse", { method: "POST", body: { text } }) });
}

/** Saves a reviewed statement. */
export function useCreateStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StatementInput) => api<Statement>("/statements", { method: "POST", body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["statements"] });
      void qc.invalidateQueries({ queryKey: ["agreements"] });
    },
  });
}
