import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  // In `pnpm dev`, the server runs on port 3000 and Vite proxies API calls to it.
  server: { proxy: { '/trpc': apiTarget, '/api': apiTarget, '/health': apiTarget } },
});
