// Builds the web forms into dist/, which the API serves (services/api: `webRoot`). Each page is its own chunk,
// so the ballot page loads only what voting needs.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/log': 'http://127.0.0.1:3000',
      '/bundles': 'http://127.0.0.1:3000',
    },
  },
});
