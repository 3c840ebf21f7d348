import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'web',
  buildDirectory: 'build',
  ssr: true,
  // The whole route manifest ships as one hashed, immutable asset the browser caches, instead of a partial
  // manifest computed (by matching every parent path) and inlined into every server-rendered page
  // (docs/PERFORMANCE.md: 6 % of a topic page's server time).
  routeDiscovery: { mode: 'initial' },
} satisfies Config;
