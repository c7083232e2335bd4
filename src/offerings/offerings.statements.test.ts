/**
 * How many SQL statements the offerings register runs (not how long they take): a list request is one list
 * statement plus its count, whatever the filters (scoping, area, target group and free text inside the
 * statement, reference lookups from the cache), and an import resolves access and codes for the whole file
 * with the same handful of statements, whether it has 2 rows or 40.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const statements: string[] = [];

before(async () => {
  t = await createTestApp();
  // Record the text of every statement sent to the database.
  const pool = t.database.pool as pg.Pool & { connect: () => Promise<pg.PoolClient> };
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient & { recorded?: boolean }>;
  pool.connect = async () => {
    const client = await connect();
    if (!client.recorded) {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
        statements.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
        return query(text, ...rest);
      };
      client.recorded = true;
    }
    return client;
  };
});
after(() => t.close());

/** The statements one request runs. */
async function statementsOf(session: Session, url: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: string } = {}) {
  statements.length = 0;
  const res = await t.as(session, { method: options.method ?? 'GET', url, headers: options.headers, payload: options.payload });
  assert.ok(res.statusCode < 500, res.body.slice(0, 300));
  return { res, sql: [...statements] };
}

/** Statements of signing the request in (session or token), measured on a request refused before any offerings work (a bad page size). */
async function signInStatements(session: Session): Promise<number> {
  const { res, sql } = await statementsOf(session, '/api/offerings?pageSize=0');
  assert.equal(res.statusCode, 400);
  return sql.length;
}

describe('statements per request', () => {
  it('runs one list statement plus its count for any filters, on the API and the page', async () => {
    const s = await t.login('demo-myndighed');
    const filters = [
      '',
      'area=sjaelland',
      'area=sjaelland&q=autisme%20holb%C3%A6k&targetGroup=kog&legalBasis=SEL-85',
      'municipality=316&status=aktiv&sort=municipality&dir=desc&page=2&pageSize=5',
      'legalBasis=SEL-107&legalBasis=SEL-108&targetGroup=kog&targetGroup=psyk&offeringType=botilbud&offeringType=aflastning&age=10',
    ];
    const signIn = await signInStatements(s);
    for (const f of filters) await statementsOf(s, `/api/offerings?${f}`); // warm the reference cache
    for (const f of filters) {
      const api = await statementsOf(s, `/api/offerings?${f}`);
      assert.equal(api.res.statusCode, 200);
      assert.equal(api.sql.length - signIn, 2, `GET /api/offerings?${f}:\n${api.sql.join('\n')}`);
      assert.equal(api.sql.filter((q) => /^select count/.test(q)).length, 1, 'one of them is the count');
      const page = await statementsOf(s, `/tilbud?${f}`, { headers: { accept: 'text/html' } });
      assert.equal(page.res.statusCode, 200);
      // The page adds one statement: the published tariffs of the offerings shown (tariffs.public), for all rows at once.
      // (none when no offering matches).
      const tariffReads = page.sql.filter((q) => /from "tariff" as "t"/.test(q)).length;
      assert.equal(tariffReads, page.res.body.includes('Ingen tilbud matcher filtrene.') ? 0 : 1, 'the published tariffs are read once');
      assert.equal(page.sql.length - signIn, 2 + tariffReads, `GET /tilbud?${f}:\n${page.sql.join('\n')}`);
    }
  });

  it('reads one offering with one statement, and its agreement areas with one more (reference.public)', async () => {
    const s = await t.login('demo-myndighed');
    const signIn = await signInStatements(s);
    const id = (await t.db.selectFrom('offering').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const { res, sql } = await statementsOf(s, `/api/offerings/${id}`);
    assert.equal(res.statusCode, 200);
    assert.equal(sql.length - signIn, 2, sql.join('\n'));
  });

  it('checks access and codes of an import file with the same statements for 2 rows as for 40', async () => {
    const s = await t.login('demo-sekretariat');
    const ids = (await t.db.selectFrom('offering').select('id').where('operator_type', '=', 'kommunal').orderBy('id').limit(39).execute()).map((r) => r.id);
    const header =
      'ID;Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn';
    const row = (id: number | '', i: number, places = '10') =>
      `${id};Tilbud ${i};kommunal;Vej ${i};4300;Holbæk;316;botilbud;SEL-108;kog-autisme;${places};18;99;2026-01-01;oest`;
    // Every file ends with a bad row, so nothing is written and only the checks are counted.
    const file = (n: number) => [header, ...ids.slice(0, n - 1).map((id, i) => row(id, i)), row('', 99, 'mange')].join('\n');
    const upload = (content: string) => {
      const boundary = '----ramme';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="tilbud.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      return statementsOf(s, '/api/offerings/import', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    await upload(file(2)); // warm the reference cache
    const small = await upload(file(2));
    const large = await upload(file(40));
    for (const [r, lastLine] of [
      [small, 3],
      [large, 41],
    ] as const) {
      assert.equal(r.res.statusCode, 400);
      const problems = r.res.json().rows as Array<{ line: number; field: string }>;
      assert.ok(problems.some((p) => p.field === 'places'));
      assert.deepEqual([...new Set(problems.map((p) => p.line))], [lastLine], 'only the last row is wrong');
    }
    assert.equal(large.sql.length, small.sql.length, `2 rows:\n${small.sql.join('\n')}\n40 rows:\n${large.sql.join('\n')}`);
    const signIn = await signInStatements(s);
    assert.ok(large.sql.length - signIn <= 4, `a handful of statements, not ${large.sql.length - signIn}`);
  });
});
