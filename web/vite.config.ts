import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// In development, `npm run dev` proxies the API to a server started with ./trellis run.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { sourcemap: true, target: 'es2022' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
