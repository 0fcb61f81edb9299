import { type CommandSpec, parse, UsageError } from "./args";
import { demoCommands } from "./demo";
import { importCommands } from "./import-commands";
import { msgCommands } from "./msg-commands";
import { nodeCommands } from "./node-commands";
import { peerCommands } from "./peer-commands";
import { userCommands } from "./user-commands";

/** Every `enlace` command, in the order `enlace --help` lists them. */
const COMMANDS: readonly CommandSpec[] = [
  ...nodeCommands,
  ...userCommands,
  ...peerCommands,
  ...importCommands,
  ...msgCommands,
  ...demoCommands,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "enlace: a sovereign node of a border-security cooperation federation",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "`enlace COMMAND --help` shows a command's options.",
  ].join("\n");
}

/** Finds the longest command name that prefixes argv ("user add" before "user"). */
function find(argv: string[]): { spec: CommandSpec; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const spec = COMMANDS.find((c) => c.name === name);
    if (spec) return { spec, rest: argv.slice(words) };
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    console.log(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = find(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0 && (argv[1] === undefined || argv[1] === "--help")) {
      console.log(group.map((c) => `${c.usage}\n    ${c.summary}`).join("\n"));
      return argv[1] === "--help" ? 0 : 2;
    }
    console.error(`enlace: unknown command '${argv.join(" ")}'; see \`enlace --help\``);
    return 2;
  }
  const { spec, rest } = found;
  try {
    const { values, positionals } = parse(spec, rest);
    if (values.help) {
      console.log(`${spec.usage}\n\n${spec.summary}`);
      return 0;
    }
    await spec.run(values, positionals);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`enlace ${spec.name}: ${err.message} (usage: ${spec.usage})`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    console.error(message.startsWith(`${spec.name}:`) ? `enlace ${message}` : `enlace ${spec.name}: ${message.split("\n")[0]}`);
    if (process.env.ENLACE_DEBUG) console.error(err);
    return 1;
  }
}
