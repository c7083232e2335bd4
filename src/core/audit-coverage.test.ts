/**
 * Every table whose rows change through the app's write paths gets audit rows. Over every table of the migrated
 * schema: the functions of the app's source (not tests, seeds, migrations or test helpers) that write it
 * (`insertInto`/`updateTable`/`deleteFrom`, or `insert into`/`update … set`/`delete from` in SQL) must each be
 * audited: the function itself, or what it calls, writes the audit event (`audit(…)`), or every function that
 * calls it is audited in that sense (the service that wraps the repository write in its audited transaction). A
 * table with an unaudited write path fails the test unless it is listed below with the reason; a listed table
 * that no longer needs the exception fails it too, so the list stays true.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './db/connect.js';
import { openTestDatabase } from '../testing/template.js';

/** Write paths without an audit row on purpose: `table` (every write of it) or `table:function` (that write only). */
const NOT_AUDITED: Record<string, string> = {
  'api_token:touchToken': 'the time a token was last used, set by each request that carries it (creating and revoking a token are audited)',
};

/** Source that is not a write path of the running app. */
const isAppSource = (file: string) =>
  /\.(ts|tsx)$/.test(file) &&
  !/\.test\.tsx?$/.test(file) &&
  !/\.seed(-data)?\.ts$/.test(file) &&
  !/\.migrations\.ts$/.test(file) &&
  !/\.data\.ts$/.test(file) &&
  !file.includes(`${path.sep}testing${path.sep}`) &&
  !file.includes(`core${path.sep}seed${path.sep}`);

/** A top-level function: its file, the tables it writes, the names it calls and the modules its file imports. */
type Fn = { file: string; name: string; body: string; writes: Set<string>; calls: Set<string>; imports: Set<string> };

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** Top-level declarations (the code is formatted: they start in column 0) with the tables their bodies write. */
function topLevelFunctions(file: string): Fn[] {
  const text = fs.readFileSync(file, 'utf8');
  const imports = new Set([...text.matchAll(/from '[./]+(?:[\w.-]+\/)*([\w.-]+)\.js'/g)].map((m) => m[1]!));
  const starts = [...text.matchAll(/^(?:export\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|(?:const|let)\s+(\w+))/gm)];
  return starts.map((m, i) => {
    const body = text.slice(m.index, starts[i + 1]?.index ?? text.length);
    const writes = new Set<string>();
    for (const w of body.matchAll(/\.\s*(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z_]+)/g)) writes.add(w[1]!);
    for (const w of body.matchAll(/\b(?:insert\s+into|delete\s+from)\s+([a-z_]+)/gi)) writes.add(w[1]!.toLowerCase());
    for (const w of body.matchAll(/\bupdate\s+([a-z_]+)\s+(?:as\s+\w+\s+)?set\b/gi)) writes.add(w[1]!.toLowerCase());
    const name = (m[1] ?? m[2])!;
    // Calls (`name(`, `repo.name(`) and functions passed on by name (`run: saveSection`, `(trx) => repo.name`).
    const rest = body.slice(m[0].length);
    const calls = new Set(
      [...rest.matchAll(/\b(\w+)\s*(?:\(|<[\w\s,<>[\]|]*>\s*\()/g), ...rest.matchAll(/(?:\brepo\.|:\s*)(\w+)\b(?!\s*[:(])/g)].map((c) => c[1]!),
    );
    return { file, name, body, writes, calls, imports };
  });
}

const fns = walk(path.resolve('src')).filter(isAppSource).flatMap(topLevelFunctions);
const byName = new Map<string, Fn[]>();
for (const f of fns) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
const moduleOf = (f: Fn) => path.basename(f.file).replace(/\.tsx?$/, '');
/** What each capability's public module re-exports from (`export { x } from './y.js'`): a caller of the public module reaches those. */
const publicReexports = new Map<string, Set<string>>();
for (const file of walk(path.resolve('src')).filter((f) => /\.public\.tsx?$/.test(f)))
  publicReexports.set(
    path.basename(file).replace(/\.tsx?$/, ''),
    new Set([...fs.readFileSync(file, 'utf8').matchAll(/from '[./]+(?:[\w.-]+\/)*([\w.-]+)\.js'/g)].map((m) => m[1]!)),
  );
const importsOf = (f: Fn) => new Set([...f.imports, ...[...f.imports].flatMap((m) => [...(publicReexports.get(m) ?? [])])]);
/** `caller` can reach `callee` by name: same file, or the caller's file imports the callee's module (itself or through a public module). */
const reaches = (caller: Fn, callee: Fn) =>
  caller !== callee && caller.calls.has(callee.name) && (caller.file === callee.file || importsOf(caller).has(moduleOf(callee)));
const callees = (f: Fn) => [...f.calls].flatMap((n) => byName.get(n) ?? []).filter((g) => reaches(f, g));
const callers = (f: Fn) => fns.filter((g) => reaches(g, f));

/** The function writes an audit event itself or through what it calls (a few levels down). */
function isAudited(f: Fn, depth = 0, seen = new Set<Fn>()): boolean {
  if (/\b(?:audit|auditMany|insertAuditEvents?)\(/.test(f.body)) return true;
  if (depth >= 4 || seen.has(f)) return false;
  seen.add(f);
  return callees(f).some((g) => isAudited(g, depth + 1, seen));
}

/** The function is audited, or every function that calls it is (a few levels up); one that nothing calls is not. */
function isCovered(f: Fn, depth = 0, seen = new Set<Fn>()): boolean {
  if (isAudited(f)) return true;
  if (depth >= 5 || seen.has(f)) return false;
  seen.add(f);
  const up = callers(f);
  return up.length > 0 && up.every((g) => isCovered(g, depth + 1, seen));
}

let database: Database;
let tables: string[];

before(async () => {
  database = await openTestDatabase();
  tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db)
  ).rows.map((r) => r.name);
});
after(() => database.close());

describe('audit coverage over every table', () => {
  it('every table the app writes is written only on audited paths, or is listed with the reason', () => {
    const unaudited = new Map<string, string[]>();
    const written = new Set<string>();
    const excused = new Set<string>();
    for (const f of fns)
      for (const table of f.writes) {
        if (!tables.includes(table)) continue;
        written.add(table);
        if (!isCovered(f) && !(`${table}:${f.name}` in NOT_AUDITED))
          unaudited.set(table, [...(unaudited.get(table) ?? []), `${path.relative('.', f.file)} ${f.name}`]);
        else if (!isCovered(f)) excused.add(`${table}:${f.name}`);
      }
    const failing = [...unaudited].filter(([table]) => !(table in NOT_AUDITED));
    assert.deepEqual(
      failing.map(([table, where]) => `${table}: ${where.join(', ')}`),
      [],
      'tables written without an audit row (audit the write in its transaction, or list the table with the reason)',
    );
    const stale = Object.keys(NOT_AUDITED).filter((key) => {
      const table = key.split(':')[0]!;
      return !tables.includes(table) || (key.includes(':') ? !excused.has(key) : !unaudited.has(table));
    });
    assert.deepEqual(stale, [], 'listed as not audited, but no unaudited write path is left: remove from the list');
    assert.ok(written.size >= 30, `the scan finds the app's writes (${written.size} tables)`);
  });

  it('the scan can fail: a repository write that no audited service calls is found', () => {
    const probe: Fn = {
      file: 'probe.repository.ts',
      name: 'probeWriteNobodyCalls',
      body: "db.insertInto('offering')",
      writes: new Set(['offering']),
      calls: new Set(['insertInto']),
      imports: new Set(),
    };
    assert.equal(isCovered(probe), false);
    const offeringWriters = fns.filter((f) => f.writes.has('offering'));
    assert.ok(offeringWriters.length > 0 && offeringWriters.every((f) => isCovered(f)), 'the offering writes are found and audited');
  });
});
