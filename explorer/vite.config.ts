import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API serves the build from explorer/dist: index.html at every page's path, the
// hashed files under /assets/.
export default defineConfig({
  plugins: [react()],
  // One file: React, urql and Chart.js are all needed on the first page shown.
  build: { outDir: "dist", assetsDir: "assets", sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000" } },
});
