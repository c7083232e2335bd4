/**
 * Speed of the tariff overview on the national demo data (about 6,000 offerings in five agreement areas).
 *
 *   npx tsx bench/tariffs.ts                     PGlite in .cache/bench-tariffs (seeded nationally once, then reused)
 *   DATABASE_URL=postgres://… npx tsx bench/tariffs.ts   the same against PostgreSQL (seeds it when it has no demo data)
 *
 * Each run takes a fresh tariff year (2040 onwards) so published tariffs, which never change, are not touched:
 *   1. calculate: every offering's tariff for the year from this year's published input (pure, exact decimals)
 *   2. save: all of them as approved versions (batched inserts; the data-entry side, reported separately)
 *   3. publish: per area, recalculate every approved tariff from its stored input and rules, then publish
 *   4. overview: load each area's overview rows; Excel export (overview + calculation sheets) and CSV
 * Targets (issue 3): calculate + publish under 3 s; the overview's Excel export under 5 s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../src/core/auth/actor.js';
import { openDatabase, type Database } from '../src/core/db/connect.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { capabilities } from '../src/capabilities.js';
import { hasDemoData } from '../src/core/seed/run.js';
import { calculateTariff, type CalcInput } from '../src/tariffs/calculation.js';
import { tariffChange } from '../src/tariffs/increase.js';
import { overviewCsv, overviewXlsx } from '../src/tariffs/overview.export.js';
import { inputsOf, overviewRows } from '../src/tariffs/overview.repository.js';
import { publishOverview } from '../src/tariffs/publish.service.js';
import { calcRulesOf, rulesByAreaYear, snapshotOf } from '../src/tariffs/rules.repository.js';
import { systemClock } from '../src/core/clock.js';
import { readConfig } from '../src/core/config.js';
import { callContext, createAppContext } from '../src/core/context.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, '.cache/bench-tariffs');
const url = process.env.DATABASE_URL || undefined;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const f = (x: number) => `${(x / 1000).toFixed(2)} s`;

function seedNational(env: NodeJS.ProcessEnv) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--scope', 'national', '--seed', '1', '--reset'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}\n${r.stdout}`);
  const tariffLine = r.stdout.split('\n').find((l) => l.includes('tariffs: demodata'));
  console.log(`national demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${tariffLine?.trim() ?? 'tariffs: ?'})`);
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

const database = await open();
const { db } = database;
try {
  const y0 = Number(systemClock.today().slice(0, 4));
  const app = createAppContext({ db, config: readConfig(), capabilities });
  const { year } = (await sql<{ year: number }>`select greatest(2040, coalesce(max(year), 2039) + 1)::int as year from tariff`.execute(db)).rows[0]!;
  const areas = await db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('code').execute();
  // The demo secretariat users (one per area in the national demo) publish their own area.
  const secretariats = await db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id as user_id', 'u.username', 'o.id', 'o.name', 'o.area_id'])
    .where('o.kind', '=', 'secretariat')
    .where('u.username', 'like', 'demo-sekretariat%')
    .execute();

  // The current tariffs, the starting point of the bench year.
  const current = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .select(['v.id', 'v.input', 'v.average_tariff', 'v.unit', 't.offering_id', 't.area_id', 'ot.is_residential'])
    .where('t.year', '=', y0)
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .execute();
  const rules = await rulesByAreaYear(
    db,
    areas.map((a) => ({ areaId: a.id, year })),
  );
  console.log(`${PGLITE()}: ${current.length} offerings with a published ${y0} tariff in ${areas.length} areas; bench year ${year}`);

  // 1. Calculate every tariff for the bench year.
  let t0 = process.hrtime.bigint();
  const computed = current.map((c) => {
    const rule = rules.get(`${c.area_id}:${year}`)!;
    const input: CalcInput = { ...c.input, year, regulation: null };
    const result = calculateTariff(input, calcRulesOf(rule));
    const snapshot = snapshotOf(rule, year, null);
    const change = tariffChange(c.average_tariff, result.averageTariff, null);
    return { c, input, result, snapshot, change };
  });
  const calcMs = ms(t0);

  // 2. Save them as approved versions.
  t0 = process.hrtime.bigint();
  for (let i = 0; i < computed.length; i += 500) {
    const batch = computed.slice(i, i + 500);
    const tariffIds = await db
      .insertInto('tariff')
      .values(batch.map((x) => ({ offering_id: x.c.offering_id, year, area_id: x.c.area_id })))
      .returning('id')
      .execute();
    const ids = await db
      .insertInto('tariff_version')
      .values(
        batch.map((x, k) => ({
          tariff_id: tariffIds[k]!.id,
          version: 1,
          status: 'godkendt' as const,
          unit: x.input.unit,
          input: JSON.stringify(x.input),
          rules: JSON.stringify(x.snapshot),
          basis: x.result.basis,
          overhead: x.result.overhead,
          overhead_pct: x.result.overheadPct,
          occupancy_pct_used: x.result.occupancyPctUsed,
          occupancy_source: x.result.occupancySource,
          capacity_units: x.result.capacityUnits,
          average_tariff: x.result.averageTariff,
          warnings: JSON.stringify(x.result.warnings),
          prev_version_id: x.c.id,
          nominal_change_pct: x.change.nominalPct,
          real_change_pct: x.change.realPct,
          is_flagged: false,
          created_by: 'bench',
          submitted_at: new Date(),
          submitted_by: 'bench',
          is_on_time: true,
          approved_at: new Date(),
          approved_by: 'bench',
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('tariff_level')
      .values(ids.flatMap((v, k) => batch[k]!.result.levels.map((l, sort) => ({ version_id: v.id, sort, ...l }))))
      .execute();
  }
  const saveMs = ms(t0);

  // 3. Publish per area (recalculates every approved tariff from its stored input and rules first).
  t0 = process.hrtime.bigint();
  let published = 0;
  for (const a of areas) {
    const s = secretariats.find((x) => x.area_id === a.id)!;
    const actor: Actor = {
      userId: s.user_id,
      username: s.username,
      displayName: 'Bench',
      organisationId: s.id,
      organisationName: s.name,
      organisationKind: 'secretariat',
      areaIds: [a.id],
      roles: ['sekretariat'],
      via: 'token',
    };
    published += (await publishOverview(callContext(app, actor), { area: a.code, year })).count;
  }
  const publishMs = ms(t0);

  // 4. The overview and its exports per area.
  let rowsMs = 0;
  let xlsxMs = 0;
  let csvMs = 0;
  let maxXlsx = { ms: 0, area: '', rows: 0, bytes: 0 };
  for (const a of areas) {
    t0 = process.hrtime.bigint();
    const rows = await overviewRows(db, a.id, year);
    rowsMs += ms(t0);
    t0 = process.hrtime.bigint();
    const xlsx = await overviewXlsx(
      rows,
      await inputsOf(
        db,
        rows.map((r) => r.version_id),
      ),
    );
    const x = ms(t0);
    xlsxMs += x;
    if (x > maxXlsx.ms) maxXlsx = { ms: x, area: a.name, rows: rows.length, bytes: xlsx.length };
    t0 = process.hrtime.bigint();
    overviewCsv(rows);
    csvMs += ms(t0);
  }

  console.log(`1. calculate ${computed.length} tariffs:            ${f(calcMs)}`);
  console.log(`2. save them as approved versions:        ${f(saveMs)}`);
  console.log(`3. publish ${published} in ${areas.length} overviews (recalc + write): ${f(publishMs)}`);
  console.log(`   calculate + publish:                   ${f(calcMs + publishMs)}  (target < 3 s)`);
  console.log(`4. overview rows, all areas:              ${f(rowsMs)}`);
  console.log(
    `   Excel export, all areas:               ${f(xlsxMs)}  (largest: ${maxXlsx.area}, ${maxXlsx.rows} rows, ${Math.round(maxXlsx.bytes / 1024)} KB, ${f(maxXlsx.ms)}; target < 5 s)`,
  );
  console.log(`   CSV export, all areas:                 ${f(csvMs)}`);
} finally {
  await database.close();
}

function PGLITE() {
  return url ? 'PostgreSQL' : 'PGlite';
}
