import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths resolve from this file, so `vite build --config client/vite.config.ts` works from the repo root.
const clientDir = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.PATCHBAY_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: clientDir,
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
      // Calendar feeds (their URLs are built from the host the page was loaded from).
      '/feeds': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
