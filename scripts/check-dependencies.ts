/**
 * Checks the dependency rules in .dependency-cruiser.cjs (`npm run lint:deps`). The same check as
 * `npx depcruise src --config .dependency-cruiser.cjs`, through dependency-cruiser's API: its command line
 * refuses to start on Node.js 20, which Ramme supports. TypeScript is read with swc (@swc/core), since
 * dependency-cruiser cannot use the TypeScript 7 compiler. Fails (exit 1) on any violation, and also when
 * the graph misses source files, so a broken parser setup can never pass as "no violations".
 */
import fs from 'node:fs';
import path from 'node:path';
import { cruise, getAvailableTranspilers, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const CONFIG = './.dependency-cruiser.cjs';
const ROOTS = ['src'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

if (!getAvailableTranspilers().some((t) => t.name === 'swc' && t.available)) {
  console.error('Afhængighedsreglerne kræver @swc/core (dependency-cruiser læser TypeScript med swc): npm install --save-dev @swc/core');
  process.exit(1);
}

const options = await extractDepcruiseOptions(CONFIG);
const { output } = await cruise(ROOTS, { ...options, outputType: 'json' });
const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;

const seen = new Set(result.modules.map((m) => m.source));
const missed = ROOTS.flatMap(sourceFiles).filter((f) => !seen.has(f));
if (missed.length) {
  console.error(`Afhængighedsgrafen mangler ${missed.length} kildefiler (fx ${missed.slice(0, 3).join(', ')}); kontrollen er ikke pålidelig.`);
  process.exit(1);
}

// One line per violation, grouped by rule with the rule's reason. (The API's own 'err' formatter counts cycles twice.)
const byRule = new Map<string, string[]>();
for (const v of result.summary.violations) {
  const to = v.cycle?.length ? v.cycle.map((c) => c.name).join(' → ') : v.to;
  byRule.set(v.rule.name, [...(byRule.get(v.rule.name) ?? []), `${v.from} → ${to}`]);
}
const comments = new Map((options.ruleSet?.forbidden ?? []).map((r) => [r.name ?? '', r.comment ?? '']));
for (const [rule, lines] of byRule) {
  console.error(`\n${rule} (${lines.length}): ${comments.get(rule) ?? ''}`);
  for (const line of lines) console.error(`  ${line}`);
}
if (result.summary.error > 0) {
  console.error(`\nAfhængighedsregler brudt: ${[...byRule].map(([rule, lines]) => `${rule} ${lines.length}`).join(', ')}.`);
  process.exit(1);
}
console.log(`Afhængighedsreglerne holder (${result.summary.totalCruised} moduler, ${result.summary.totalDependenciesCruised} afhængigheder).`);
