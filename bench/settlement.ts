/**
 * Speed and memory of one month's settlement on the national demo data (about 60,000 accepted contracts): every
 * seller's draft statements for last month, as the nightly job makes them (read the contracts in force, read the
 * year's published tariffs, price every period, write statements and lines set-based, refresh the totals).
 *
 *   npm run bench:settlement                               PGlite in .cache/bench-settlement (seeded nationally once, then reused)
 *   DATABASE_URL=postgres://… npm run bench:settlement      the same against PostgreSQL (seeds it when it has no demo data)
 *
 * Each variant runs in a child process of its own, so that its peak resident memory (maxRSS) is its own:
 *   baseline  the same month, only the SQL read of the contracts in force (what any settlement must at least do)
 *   settle    the whole month's drafts (draftMonth, the step behind the nightly job and "Dan kladder"), twice: the
 *             first run after a fresh open, the second remakes the drafts it just made (the job repeats nightly)
 * Target (issue 10): ≤ 10 s and ≤ 1 GB resident memory, on PostgreSQL and on PGlite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../src/core/db/connect.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { capabilities } from '../src/capabilities.js';
import { systemClock } from '../src/core/clock.js';
import { hasDemoData } from '../src/core/seed/run.js';
import { contractsForSettlement } from '../src/placements/placements.public.js';
import { addMonths, monthBounds } from '../src/settlement/calculation.js';
import { draftMonth } from '../src/settlement/statement.generate.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, '.cache/bench-settlement');
const url = process.env.DATABASE_URL || undefined;
const variant = process.argv[2];
const month = addMonths(systemClock.today().slice(0, 7), -1);

function seedNational(env: NodeJS.ProcessEnv) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--scope', 'national', '--seed', '1', '--reset'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}\n${r.stdout}`);
  console.log(`national demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function open(): Promise<Database> {
  if (url) {
    const d = await openDatabase({ kind: 'postgres', url });
    await migrateToLatest(d.db, capabilities);
    if (!(await hasDemoData(d.db))) {
      await d.close();
      seedNational({ DATABASE_URL: url });
      return openDatabase({ kind: 'postgres', url });
    }
    return d;
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) seedNational({ RAMME_DATA_DIR: dataDir, DATABASE_URL: '' });
  const d = await openDatabase({ kind: 'pglite', dataDir });
  await migrateToLatest(d.db, capabilities);
  return d;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

if (variant === 'baseline' || variant === 'settle') {
  // One variant, in its own process: print one JSON line.
  const database = await open();
  const rssOpen = maxRssMb();
  const { first, last } = monthBounds(month);
  const runs: { ms: number; lines: number; statements: number; problems: number }[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    if (variant === 'baseline') {
      const periods = await contractsForSettlement(database.db, { from: first, to: last });
      runs.push({ ms: performance.now() - t0, lines: periods.length, statements: 0, problems: 0 });
    } else {
      const r = await draftMonth(database.db, month, null, new Date());
      runs.push({ ms: performance.now() - t0, lines: r.lines, statements: r.statements, problems: r.problems });
    }
  }
  await database.close();
  console.log(JSON.stringify({ variant, runs, rssOpen, maxRss: maxRssMb() }));
  process.exit(0);
}

// The parent: make sure the data is there (seeding in a child if needed), then run each variant in a child.
{
  const d = await open();
  const contracts = await d.db
    .selectFrom('contract')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'accepteret')
    .executeTakeFirstOrThrow();
  await d.close();
  console.log(`Afregning af ${month} på ${url ? 'PostgreSQL' : 'PGlite'}: ${Number(contracts.n)} godkendte kontrakter i alt`);
}
const self = new URL(import.meta.url).pathname;
const results = ['baseline', 'settle'].map((v) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, v], { cwd: root, env: process.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${v} failed: ${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    variant: string;
    runs: { ms: number; lines: number; statements: number; problems: number }[];
    rssOpen: number;
    maxRss: number;
  };
});
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
for (const r of results) {
  const what =
    r.variant === 'baseline'
      ? `kun læsning af kontrakterne (${r.runs[0]!.lines} perioder)`
      : `hele måneden (${r.runs[0]!.statements} afregninger, ${r.runs[0]!.lines} linjer, ${r.runs[0]!.problems} problemlinjer)`;
  console.log(
    `${r.variant.padEnd(8)} ${what}: ${r.runs.map((x) => s(x.ms)).join(', ')}; maks. RSS ${r.maxRss.toFixed(0)} MB (${r.rssOpen.toFixed(0)} MB efter åbning)`,
  );
}
const settle = results[1]!;
const slowest = Math.max(...settle.runs.map((x) => x.ms));
console.log(
  `Mål (issue 10): ≤ 10 s og ≤ 1 GB. Langsomste ${s(slowest)} ${slowest <= 10_000 ? 'OK' : 'FOR LANGSOM'}; ` +
    `maks. RSS ${settle.maxRss.toFixed(0)} MB ${settle.maxRss <= 1024 ? 'OK' : 'FOR MEGET'}.`,
);
