import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * The one build configuration of the web console: `npm run build:web`, `ensureWebBuild()`
 * and `npx vite --config src/web/vite.config.ts` (a dev server proxying the API of a node
 * on :8401) all read it. Output goes to dist/web, which the node serves at `/`.
 */
export default defineConfig({
  root: here,
  base: "/",
  plugins: [react()],
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/api": { target: process.env.ENLACE_DEV_API ?? "http://127.0.0.1:8401", changeOrigin: false },
    },
  },
});
