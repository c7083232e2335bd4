/**
 * Dependency rules that keep Ramme's shape (run by `npm run lint`, or `npx depcruise src --config .dependency-cruiser.cjs`).
 *
 * - Routes and pages validate, call a service and render: they never import a repository or the database.
 * - core/ is plumbing: it never imports the capability list, the platform capability or a capability folder.
 * - A capability reads another capability only through that capability's public module
 *   (`src/<cap>/<cap>.public.ts`); type-only imports of another capability's `*.table.ts` are allowed,
 *   because those merge the table types into `DB`.
 * - No circular dependencies.
 *
 * Test files (`*.test.ts(x)`) are exempt from the first three rules: they may set up data any way they need.
 * TypeScript is read with swc (type-only imports are told apart from value imports); `.js` import specifiers
 * resolve to the `.ts`/`.tsx` source.
 */

const TEST = '[.]test[.]tsx?$';
/** Route and page files: JSON routes, HTML routes, forms, file import/export routes, and everything under a `pages/` folder. */
const ROUTES_AND_PAGES = ['[.]api[.]ts$', '[.]routes[.]tsx?$', '[.]pages[.]tsx$', '[.]form[.]tsx$', '[.]transfer[.]tsx?$', '(^|/)pages/'];
/** A capability folder: any folder directly under src/ except plumbing, entry points and test support. */
const CAPABILITY = '^src/(?!core/|cli/|testing/)([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'routes-pages-no-repository',
      severity: 'error',
      comment:
        'Routes and pages validate, call a service and render. They never import a repository (SQL lives in *.repository.ts and is reached through a service). A type-only import of a row type is allowed.',
      from: { path: ROUTES_AND_PAGES, pathNot: TEST },
      to: { path: '[.]repo(sitory)?[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-pages-no-db',
      severity: 'error',
      comment: 'Routes and pages never use the database directly (no Kysely helpers, no connection). Only a type-only import of core/db/types.ts is allowed.',
      from: { path: ROUTES_AND_PAGES, pathNot: TEST },
      to: { path: '^src/core/db/', pathNot: '^src/core/db/types[.]ts$' },
    },
    {
      name: 'routes-pages-db-types-only',
      severity: 'error',
      comment: 'Routes and pages may import core/db/types.ts for its types only (import type).',
      from: { path: ROUTES_AND_PAGES, pathNot: TEST },
      to: { path: '^src/core/db/types[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-capability',
      severity: 'error',
      comment:
        'core/ is plumbing: the capability list is passed in. It never imports src/capabilities.ts, src/platform*.ts, a capability folder, the CLI or test support (tests in core are exempt).',
      from: { path: '^src/core/', pathNot: TEST },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'capability-through-public-module',
      severity: 'error',
      comment:
        "A capability reads another capability only through that capability's public module src/<cap>/<cap>.public.ts (type-only imports of its *.table.ts are allowed).",
      from: { path: CAPABILITY, pathNot: TEST },
      to: {
        path: '^src/(?!core/|cli/|testing/)[^/]+/',
        pathNot: ['^src/$1/', '^src/([^/]+)/\\1[.]public[.]ts$', '[.]table[.]ts$'],
      },
    },
    {
      name: 'capability-no-capability-list',
      severity: 'error',
      comment:
        'A capability never imports the capability list or the entry point (src/capabilities.ts, src/main.ts): what it needs from the others comes from the app context or their public modules.',
      from: { path: CAPABILITY, pathNot: TEST },
      to: { path: '^src/(capabilities|main)[.]tsx?$' },
    },
    {
      name: 'capability-table-type-only',
      severity: 'error',
      comment: "Another capability's *.table.ts may only be imported for its types (import type): the tables belong to that capability.",
      from: { path: CAPABILITY, pathNot: TEST },
      to: { path: '^src/(?!core/|cli/|testing/)[^/]+/[^/]+[.]table[.]ts$', pathNot: '^src/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No circular dependencies (a dynamic import() that hides a cycle is still a cycle). Cycles made only of type-only imports are allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (this also proves the rules above see the whole graph).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '^src/core/web/static/'] },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
    cache: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
