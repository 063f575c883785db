import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Few, larger chunks (docs/architecture.md「Console loading」): one vendor chunk (React, antd, icons, router, query,
 * dayjs), echarts apart (the 双随机 and 统计指标 pages only), the shell (layout, components, api) in one, and the pages
 * by menu area — instead of a chunk per antd component, which made a page wait for ~35 small files.
 */
function pageArea(id: string): string | null {
  const page = /\/web\/src\/pages\/(?:(\w+)\/)?(\w+)\.tsx?$/.exec(id.replace(/\\/g, '/'));
  if (!page) return null;
  const [, area, file] = page;
  if (area) return area === 'calendar' || area === 'rules' || area === 'audit' ? 'pages-admin' : `pages-${area}`;
  if (file === 'TodoPage') return 'pages-cases';
  if (file === 'LoginPage' || file === 'NotFoundPage') return null;
  return 'pages-admin';
}

/** A module goes to the first group (highest priority) whose test it passes. */
const groups = [
  { name: 'charts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 30 },
  // the pages' query modules too: the entry's preloading (routePreload.ts) imports their keys, not the pages
  // …but not the chart component: it would pull ECharts into the shell (its own group below)
  { name: 'shell', test: /[\\/]web[\\/]src[\\/]((layout|components(?![\\/]EChart\.tsx$)|lib|api|auth)[\\/]|pages[\\/]\w+[\\/]api\.ts$)/, priority: 20 },
  // the chart component, a small chunk of its own beside ECharts': below vendor and shell, so its imports (React)
  // stay where those put them, and above the pages, which would otherwise take it into one page area's chunk
  { name: 'charts', test: /[\\/]web[\\/]src[\\/]components[\\/]EChart\.tsx$/, priority: 15 },
  { name: pageArea, debugName: 'pages', test: /[\\/]web[\\/]src[\\/]pages[\\/]/, priority: 10 },
];

// The staff console. `npm run build:web` writes web/dist, which the Fastify server serves at /.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: { codeSplitting: { groups } },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
