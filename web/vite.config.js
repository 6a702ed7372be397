// Vite builds the dashboard into an output folder that CMake embeds in the binary (web/CMakeLists.txt).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  // `npx vite` (development): the API comes from `annals serve --db FILE` on port 8080.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    target: 'es2020',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
  },
});
