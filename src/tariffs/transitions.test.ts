/**
 * Status changes are safe when calls race: the allowed transitions are a table, and every change re-checks the
 * state inside its transaction. Twenty approve and return calls fired at once at one submitted tariff: exactly one
 * wins, the rest get 409 with a Danish message; two publications of the same overview at once publish it once.
 * Runs on PGlite and, with DATABASE_URL, on PostgreSQL (where the calls really run side by side).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { TARIFF_STATUSES } from './tariffs.table.js';
import { canTransition, sourcesOf, TRANSITIONS } from './transitions.js';

let t: TestApp;
let token: string;

before(async () => {
  t = await createTestApp();
  token = await t.token('demo-sekretariat');
});
after(() => t.close());

/**
 * Holds every transaction until `n` have been asked for, so every call has read the version (and decided it may
 * act) before any of them writes: the overlap in which two unconditional writes would both succeed. Then they run
 * (side by side on PostgreSQL) and the conditional update inside each transaction decides.
 */
function holdTransactions(n: number): () => void {
  const db = t.db as unknown as { transaction: () => { execute: (fn: unknown) => Promise<unknown> } };
  const original = db.transaction;
  let asked = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const timer = setTimeout(() => release(), 10_000);
  db.transaction = function (this: unknown) {
    const builder = original.call(this);
    const execute = builder.execute.bind(builder);
    builder.execute = async (fn: unknown) => {
      if (++asked >= n) release();
      await gate;
      return execute(fn);
    };
    return builder;
  };
  return () => {
    clearTimeout(timer);
    db.transaction = original;
  };
}

const asSecretariat = (method: 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
const DANISH = /[æøå]|Taksten|takster|Genindlæs/i;

test('the transition table: a draft is submitted, a submission approved or returned, an approval published; a published version never changes', () => {
  assert.deepEqual(TRANSITIONS.offentliggjort, []);
  assert.deepEqual(sourcesOf('godkendt'), ['indsendt']);
  assert.deepEqual(sourcesOf('returneret').sort(), ['godkendt', 'indsendt']);
  assert.deepEqual(sourcesOf('offentliggjort'), ['godkendt']);
  assert.deepEqual(sourcesOf('indsendt').sort(), ['kladde', 'returneret']);
  for (const s of TARIFF_STATUSES) assert.equal(canTransition('offentliggjort', s), false, s);
  assert.equal(canTransition('returneret', 'godkendt'), false);
});

test('20 parallel approve and return calls at one submitted tariff: exactly one wins, 19 get 409 in Danish', async () => {
  const { id } = await t.db.selectFrom('tariff_version').select('id').where('status', '=', 'indsendt').orderBy('id').executeTakeFirstOrThrow();
  const restore = holdTransactions(20);
  const calls = Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0 ? asSecretariat('POST', `/api/tariffs/${id}/approve`) : asSecretariat('POST', `/api/tariffs/${id}/return`, { comment: `Kommentar ${i}` }),
  );
  const answers = await Promise.all(calls).finally(restore);
  const winners = answers.filter((r) => r.statusCode === 200);
  assert.equal(winners.length, 1, answers.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
  const losers = answers.filter((r) => r.statusCode !== 200);
  assert.equal(losers.length, 19);
  for (const r of losers) {
    assert.equal(r.statusCode, 409, r.body);
    assert.match(r.json().error, DANISH);
  }
  const row = await t.db.selectFrom('tariff_version').select(['status', 'return_comment']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, winners[0]!.json().status);
  const audits = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'tariff_version')
    .where('entity_id', '=', String(id))
    .where('action', '=', 'update')
    .execute();
  assert.equal(audits.length, 1, 'one change, one audit entry');
});

test('a change against a state that has moved on is refused with 409, and nothing changes', async () => {
  const { id } = await t.db.selectFrom('tariff_version').select('id').where('status', '=', 'godkendt').orderBy('id').executeTakeFirstOrThrow();
  const approve = await asSecretariat('POST', `/api/tariffs/${id}/approve`);
  assert.equal(approve.statusCode, 409);
  assert.match(approve.json().error, /Kun indsendte takster kan godkendes; denne er godkendt/);
  assert.equal((await t.db.selectFrom('tariff_version').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'godkendt');
});

test('two publications of the same overview at the same time publish it once', async () => {
  const { year } = await t.db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select('t.year')
    .where('v.status', '=', 'godkendt')
    .orderBy('t.year', 'desc')
    .executeTakeFirstOrThrow();
  const approved = await sql<{
    n: number;
  }>`select count(*)::int as n from tariff_version v join tariff t on t.id = v.tariff_id where v.status = 'godkendt' and t.year = ${year}`.execute(t.db);
  const before = await t.db.selectFrom('tariff_publication').select('id').where('year', '=', year).execute();
  const restore = holdTransactions(2);
  const answers = await Promise.all([1, 2].map(() => asSecretariat('POST', '/api/tariffs/publish', { area: 'sjaelland', year }))).finally(restore);
  const ok = answers.filter((r) => r.statusCode === 200);
  assert.equal(ok.length, 1, answers.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  assert.equal(ok[0]!.json().count, approved.rows[0]!.n);
  const other = answers.find((r) => r.statusCode !== 200)!;
  // Both verified the same approved tariffs; the second finds them published when its lock is granted.
  assert.equal(other.statusCode, 409, other.body);
  assert.match(other.json().error, DANISH);
  const after = await t.db.selectFrom('tariff_publication').select('id').where('year', '=', year).execute();
  assert.equal(after.length, before.length + 1, 'one publication');
  const left = await sql<{
    n: number;
  }>`select count(*)::int as n from tariff_version v join tariff t on t.id = v.tariff_id where v.status = 'godkendt' and t.year = ${year}`.execute(t.db);
  assert.equal(left.rows[0]!.n, 0);
});
