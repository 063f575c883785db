/**
 * The layering of the source tree (docs/architecture.md, "Layers"), checked in CI by `npm run check:imports`:
 * - domain/ is pure: it imports nothing of ours outside domain/;
 * - platform/ imports no module (and not the app, the CLI or the seed);
 * - a module imports another module only through that module's index.ts (what it offers others);
 * - no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds the rules as data and pure functions: it imports nothing of ours outside domain/',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'platform/ is the shared mechanism: modules use it, never the reverse',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|seed)/|^src/(app|cli|server)\\.ts$' },
    },
    {
      name: 'modules-meet-at-their-index',
      comment: 'a module imports another only through its index.ts (what that module offers others)',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'no import cycles: the order modules are evaluated in must not matter',
      severity: 'error',
      from: { path: '^src/' },
      // a cycle made only of type imports is erased at compile time and harmless
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
