// Vite builds the dashboard into an output folder that CMake embeds in the binary (web/CMakeLists.txt).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    target: 'es2020',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
  },
});
