import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Chunk groups: the large, rarely changing libraries get their own files, so a release of our own
// code does not invalidate them in the browser cache. Only modules every page needs ('$initial') are
// grouped; what only the lazily loaded admin pages use (tables, trees, date pickers) stays in their
// chunk, so a grid worker's phone never downloads it. First matching group wins.
const CHUNK_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|@emotion|stylis)[\\/]/, tags: ['$initial' as const] },
  { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const] },
];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chromium-era browsers only; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  server: {
    // `npm run dev:web` next to `npm run dev`; FANZHA_API points elsewhere when the API is not on :3000.
    proxy: { '/api': process.env.FANZHA_API ?? 'http://localhost:3000' },
  },
});
