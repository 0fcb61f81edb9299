import type { CommandSpec } from "./args";

/** The demo command (filled in below). */
export const demoCommands: CommandSpec[] = [];
