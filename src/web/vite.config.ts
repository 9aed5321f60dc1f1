import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    // The server's API lives under /api/v1 (and /api/docs); the app's own source folder is
    // also called api/, so match the server paths precisely rather than the bare /api prefix.
    proxy: { '^/api/(v1|docs)(/|$)': { target: process.env.GUANXI_API ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
