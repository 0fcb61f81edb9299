#!/usr/bin/env node
// The `enlace` command: runs the TypeScript sources through tsx, so `npx enlace` works
// straight after `npm ci` with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
