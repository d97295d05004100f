import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console's fixed port, printed by `npm start`; `/api` goes to the gateway. */
export const CONSOLE_PORT = 3001;
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const server = {
  host: '127.0.0.1',
  port: CONSOLE_PORT,
  strictPort: true,
  proxy: { '/api': { target: gateway, changeOrigin: true } },
};

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  server,
  preview: server,
  build: { outDir: '../../dist/apps/console', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
