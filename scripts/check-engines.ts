/**
 * Checks the README's promise of Node versions against what is installed: every package in package-lock.json
 * whose `engines.node` excludes the running Node fails the check, except the named development tools below,
 * which declare Node ≥ 22 but run on Node 20 (npm test runs them on every run). CI runs this after `npm ci`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// semver comes with npm's own dependency tree (fastify depends on it); its types are not installed.
const semver = require('semver') as { satisfies: (version: string, range: string) => boolean };

/** Development tools that declare Node ≥ 22 and are known to work on Node 20 (`npm run lint` uses them). */
const DEV_TOOLS_TESTED_ON_20 = new Set(['dependency-cruiser', 'commander', 'watskeburt']);

type LockEntry = { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const node = process.versions.node;
const refused: string[] = [];
const tolerated: string[] = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
  if (!key || !range || semver.satisfies(node, range)) continue;
  const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const line = `${name}@${entry.version} wants Node ${range}`;
  if (entry.dev && DEV_TOOLS_TESTED_ON_20.has(name)) tolerated.push(line);
  else refused.push(line);
}
for (const line of tolerated) console.log(`Udviklingsværktøj, afprøvet på Node ${node}: ${line}`);
if (refused.length) {
  console.error(`Disse pakker understøtter ikke Node ${node}:\n${refused.join('\n')}`);
  process.exit(1);
}
console.log(`Alle afhængigheder understøtter Node ${node}.`);
