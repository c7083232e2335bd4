/**
 * Checks the dependency rules in .dependency-cruiser.cjs (`npm run lint:deps`). The same check as
 * `npx depcruise src --config .dependency-cruiser.cjs`, through dependency-cruiser's API: its command line
 * refuses to start on Node.js 20, which Ramme supports. TypeScript is read with swc (@swc/core), since
 * dependency-cruiser cannot use the TypeScript 7 compiler. Fails (exit 1) on any violation, and also when
 * the graph misses source files, so a broken parser setup can never pass as "no violations".
 */
import fs from 'node:fs';
import path from 'node:path';
import { cruise, format, getAvailableTranspilers, type ICruiseResult } from 'dependency-cruiser';
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

const report = await format(result, { outputType: 'err' });
process.stdout.write(typeof report.output === 'string' ? report.output : '');
const errors = result.summary.error;
if (errors > 0) {
  const byRule = new Map<string, number>();
  for (const v of result.summary.violations) byRule.set(v.rule.name, (byRule.get(v.rule.name) ?? 0) + 1);
  console.error(`Afhængighedsregler brudt: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}.`);
  process.exit(1);
}
console.log(`Afhængighedsreglerne holder (${result.summary.totalCruised} moduler, ${result.summary.totalDependenciesCruised} afhængigheder).`);
