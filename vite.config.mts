import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the one Custom UI bundle that every module of manifest.yml (resource `ui`) serves.
export default defineConfig(({ mode }) => ({
  root: 'static/ui',
  // Forge serves a resource from a path it chooses, so every asset URL must be relative.
  base: './',
  plugins: [react()],
  define: {
    // @atlaskit packages branch on process.env.NODE_ENV, which does not exist in a browser.
    'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development'),
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    // One bundle serves every module; react, @atlaskit and zod alone are about 700 kB (190 kB gzip).
    chunkSizeWarningLimit: 1000,
  },
}));
