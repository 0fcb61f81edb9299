import { readFileSync } from "node:fs";
import { statementInput } from "../core/commitments/schema";
import { parseStatement } from "../core/commitments/statement-import";
import { DomainError } from "../core/errors";
import { consoleActor } from "../server/admin/commands";
import { recordStatement } from "../server/commitments/commands";
import { openNode } from "../server/node";
import { type CommandSpec, required, UsageError } from "./args";

/**
 * `enlace import statement`: splits a joint statement's text into draft agreements. Without
 * `--save` it only shows the draft (nothing is written), so a person reviews it first.
 */
export const importCommands: CommandSpec[] = [
  {
    name: "import statement",
    summary: "Split a joint statement into draft agreements; --save records them after review",
    usage: "enlace import statement --dir DIR FILE [--date YYYY-MM-DD] [--title T] [--language es|en] [--space ID] [--save]",
    options: {
      dir: { type: "string" },
      date: { type: "string" },
      title: { type: "string" },
      language: { type: "string" },
      space: { type: "string" },
      save: { type: "boolean" },
    },
    async run(v, positionals) {
      const dir = required(v, "dir");
      const file = positionals[0];
      if (!file) throw new UsageError("give the statement's text file");
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (err) {
        throw new DomainError("import.unreadable", `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const draft = parseStatement(text);
      for (const a of draft.agreements) console.log(`${a.number}. ${a.text}`);
      for (const w of draft.warnings) console.error(`warning: ${w}`);
      if (!v.save) {
        console.log(`draft: ${draft.agreements.length} agreements (nothing saved; review, then add --save)`);
        return;
      }
      const date = (v.date as string | undefined) ?? draft.date;
      if (!date) throw new UsageError("no date found in the text: give --date YYYY-MM-DD");
      const parsed = statementInput.safeParse({
        date,
        title: (v.title as string | undefined) ?? "Declaración conjunta",
        text,
        language: (v.language as string | undefined) ?? "es",
        agreements: draft.agreements,
        ...(typeof v.space === "string" ? { space: v.space } : {}),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DomainError("validation.failed", `--${String(issue?.path[0] ?? "input")}: ${issue?.message}`);
      }
      const node = await openNode(dir);
      try {
        const id = await recordStatement({ store: node.store, actor: consoleActor(node.config.node) }, parsed.data);
        console.log(`statement ${id} recorded with ${draft.agreements.length} agreements`);
      } finally {
        await node.close();
      }
    },
  },
];
