import { createTokenSchema, createUserSchema, type Role } from "../core/admin/schema";
import { DomainError } from "../core/errors";
import { consoleActor, createToken, createUser, revokeToken, updateUser } from "../server/admin/commands";
import { listTokens, listUsers } from "../server/admin/queries";
import { openNode } from "../server/node";
import { type CommandSpec, readStdin, required, UsageError } from "./args";

const dirOption = { dir: { type: "string" } } as const;

/** Runs a command as the node's console operator, then closes the node. */
async function asConsole<T>(
  dir: string,
  fn: (ctx: Parameters<typeof createUser>[0], node: Awaited<ReturnType<typeof openNode>>) => Promise<T>,
): Promise<T> {
  const node = await openNode(dir);
  try {
    return await fn({ store: node.store, actor: consoleActor(node.config.node) }, node);
  } finally {
    await node.close();
  }
}

/** Turns a schema failure into the CLI's one line, naming the option. */
function validated<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new DomainError("validation.failed", `--${String(issue?.path[0] ?? "input")}: ${issue?.message}`);
}

const list = (v: string | boolean | undefined) => (typeof v === "string" && v ? v.split(",").map((s) => s.trim()) : []);

export const userCommands: CommandSpec[] = [
  {
    name: "user add",
    summary: "Add a user (the password is read from standard input)",
    usage:
      "enlace user add --dir DIR --username U --role admin|commander|officer|analyst|viewer --password-stdin [--sectors A,B] [--units X,Y]",
    options: {
      ...dirOption,
      username: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean" },
      sectors: { type: "string" },
      units: { type: "string" },
    },
    async run(v) {
      const dir = required(v, "dir");
      if (!v["password-stdin"]) throw new UsageError("--password-stdin is required (the password is never taken from the command line)");
      const sectors = list(v.sectors);
      const units = list(v.units);
      const input = validated(
        createUserSchema.safeParse({
          username: v.username,
          role: v.role,
          password: await readStdin(),
          ...(sectors.length || units.length ? { scope: { sectors, units } } : {}),
        }),
      );
      const user = await asConsole(dir, (ctx) => createUser(ctx, input));
      console.log(`user ${user.username} added with role ${user.role}`);
    },
  },
  {
    name: "user list",
    summary: "List the node's users",
    usage: "enlace user list --dir DIR",
    options: dirOption,
    async run(v) {
      const users = await asConsole(required(v, "dir"), (_ctx, node) => node.db.connection(listUsers));
      for (const u of users) console.log(`${u.username}\t${u.role}\t${u.disabled ? "disabled" : "active"}\t${u.createdAt}`);
    },
  },
  ...(["disable", "enable"] as const).map(
    (verb): CommandSpec => ({
      name: `user ${verb}`,
      summary: verb === "disable" ? "Disable a user (its sessions and tokens stop working)" : "Enable a disabled user",
      usage: `enlace user ${verb} --dir DIR --username U`,
      options: { ...dirOption, username: { type: "string" } },
      async run(v) {
        const username = required(v, "username");
        await asConsole(required(v, "dir"), (ctx) => updateUser(ctx, username, { disabled: verb === "disable" }));
        console.log(`user ${username} ${verb}d`);
      },
    }),
  ),
  {
    name: "user role",
    summary: "Change a user's role",
    usage: "enlace user role --dir DIR --username U --role R",
    options: { ...dirOption, username: { type: "string" }, role: { type: "string" } },
    async run(v) {
      const username = required(v, "username");
      const role = validated(createUserSchema.shape.role.safeParse(v.role)) as Role;
      await asConsole(required(v, "dir"), (ctx) => updateUser(ctx, username, { role }));
      console.log(`user ${username} now has role ${role}`);
    },
  },
  {
    name: "token create",
    summary: "Create an API token for a user; prints only the token",
    usage: "enlace token create --dir DIR --username U [--label L] [--expires ISO-8601]",
    options: { ...dirOption, username: { type: "string" }, label: { type: "string" }, expires: { type: "string" } },
    async run(v) {
      const input = validated(
        createTokenSchema.safeParse({
          username: required(v, "username"),
          ...(typeof v.label === "string" ? { label: v.label } : {}),
          ...(typeof v.expires === "string" ? { expiresAt: v.expires } : {}),
        }),
      );
      const { token } = await asConsole(required(v, "dir"), (ctx) => createToken(ctx, input));
      console.log(token);
    },
  },
  {
    name: "token list",
    summary: "List API tokens (never the tokens themselves)",
    usage: "enlace token list --dir DIR",
    options: dirOption,
    async run(v) {
      const tokens = await asConsole(required(v, "dir"), (_ctx, node) => node.db.connection((sql) => listTokens(sql)));
      for (const t of tokens) console.log(`${t.id}\t${t.username}\t${t.label}\t${t.revokedAt ? "revoked" : "active"}\t${t.createdAt}`);
    },
  },
  {
    name: "token revoke",
    summary: "Revoke an API token by its id",
    usage: "enlace token revoke --dir DIR TOKEN_ID",
    options: dirOption,
    async run(v, positionals) {
      const id = positionals[0];
      if (!id || !/^[0-9a-f-]{36}$/.test(id)) throw new UsageError("give the token id (see `enlace token list`)");
      await asConsole(required(v, "dir"), (ctx) => revokeToken(ctx, id));
      console.log(`token ${id} revoked`);
    },
  },
];
