/**
 * Bad input is a 400 (or a 409 for a lost race) with a Danish message naming the field, never a 500: control
 * characters anywhere (also anonymously), dates outside the years Ramme takes, integers beyond PostgreSQL's
 * int4, unknown foreign ids and unique values created in parallel. The PostgreSQL error mapping is the last
 * line of defence and is tested on its own too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, form, type Session, type TestApp } from '../../testing/test-app.js';
import { describeDatabaseError } from './database-errors.js';
import { controlCharacterErrors } from './input-guard.js';

let t: TestApp;
let sec: Session;
let offeringId: number;
let draftId: number;

before(async () => {
  t = await createTestApp();
  sec = await t.login('demo-sekretariat');
  offeringId = (await t.db.selectFrom('offering').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  draftId = (await t.db.selectFrom('agreement').select('id').where('title', '=', 'Rammeaftale Sjælland 2027-2028').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

const json = (session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
  t.as(session, {
    method,
    url,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });

const fieldsOf = (body: string) => (JSON.parse(body) as { fields?: Record<string, string[]> }).fields ?? {};

describe('control characters', () => {
  it('refuses a NUL in an anonymous query value and path parameter with 400 naming the field', async () => {
    const query = await json(null, 'GET', '/api/tariffs?area=%00');
    assert.equal(query.statusCode, 400, query.body);
    assert.match(fieldsOf(query.body).area?.[0] ?? '', /kontroltegn/);
    const param = await json(null, 'GET', '/api/tariffs/overview/%00/2026');
    assert.equal(param.statusCode, 400, param.body);
    assert.ok(fieldsOf(param.body).area, param.body);
  });

  it('refuses NUL and other C0 characters in JSON and form text, and keeps tabs and line breaks', async () => {
    const nul = await json(sec, 'PATCH', `/api/offerings/${offeringId}`, { name: 'Hjem\u0000met' });
    assert.equal(nul.statusCode, 400, nul.body);
    assert.ok(fieldsOf(nul.body).name, nul.body);
    const bell = await json(sec, 'GET', '/api/offerings?q=a%07b');
    assert.equal(bell.statusCode, 400, bell.body);
    assert.ok(fieldsOf(bell.body).q, bell.body);
    const page = await t.as(sec, {
      method: 'POST',
      url: '/profil/noegler',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: sec.csrf, name: 'nøgle\u001b' }),
    });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /kontroltegn/);
    const text = await json(sec, 'PATCH', `/api/offerings/${offeringId}`, { description: 'Linje 1\n\tLinje 2\r\n' });
    assert.equal(text.statusCode, 200, text.body);
  });

  it('names nested fields and keys', () => {
    assert.deepEqual(Object.keys(controlCharacterErrors([{ a: { b: ['ok', 'x\u0001'] } }])), ['a.b.1']);
    assert.deepEqual(Object.keys(controlCharacterErrors([{ 'k\u0000': 'v' }])), ['_']);
    assert.deepEqual(controlCharacterErrors([{ a: 'tab\tline\nreturn\r' }]), {});
  });
});

describe('numbers and dates out of range', () => {
  it('refuses year 0000 and other years outside 1900–2200 on the field', async () => {
    for (const statusSince of ['0000-01-01', '1899-12-31', '2201-01-01']) {
      const res = await json(sec, 'PATCH', `/api/offerings/${offeringId}`, { statusSince });
      assert.equal(res.statusCode, 400, `${statusSince}: ${res.body}`);
      assert.match(fieldsOf(res.body).statusSince?.[0] ?? '', /Året skal ligge mellem 1900 og 2200/);
    }
    const ok = await json(sec, 'PATCH', `/api/offerings/${offeringId}`, { statusSince: '1990-05-01' });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('refuses an integer beyond int4 in a query with 400 naming the parameter', async () => {
    const res = await json(sec, 'GET', '/api/offerings?operator=2147483648');
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(fieldsOf(res.body).operator, res.body);
  });
});

describe('foreign keys and unique values', () => {
  it('refuses an unknown organisation id with 400 on organisationId', async () => {
    const kind = (await t.db.selectFrom('agreement_input_round').select('kind').executeTakeFirstOrThrow()).kind;
    const created = await json(sec, 'POST', `/api/agreements/${draftId}/rounds`, {
      kind,
      template: 'frie',
      title: 'Runde',
      heldOn: '2027-03-01',
      questions: 'Hvad?',
    });
    assert.equal(created.statusCode, 201, created.body);
    const [round, agreementId] = [(JSON.parse(created.body) as { id: number }).id, draftId];
    const res = await json(sec, 'POST', `/api/agreements/${agreementId}/rounds/${round}/groups`, { name: 'Gruppe X', kind: 'kommune', organisationId: 999999 });
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(fieldsOf(res.body).organisationId, res.body);
  });

  it('gives exactly one of ten parallel creates with the same number a 201 and the others 409 or 400, never 500', async () => {
    const body = { part: 'udvikling', number: 77, title: 'Samtidigt oprettet' };
    const results = await Promise.all(Array.from({ length: 10 }, () => json(sec, 'POST', `/api/agreements/${draftId}/focus-areas`, body)));
    const codes = results.map((r) => r.statusCode).sort();
    assert.equal(codes.filter((c) => c === 201).length, 1, codes.join(','));
    assert.ok(
      codes.every((c) => c === 201 || c === 400 || c === 409),
      codes.join(','),
    );
    for (const r of results.filter((x) => x.statusCode === 409)) assert.ok(fieldsOf(r.body).number, r.body);
  });
});

// Found by the HTTP fuzz (fuzz.test.ts): each was a 500 before.
describe('field names that are Object properties, and broken uploads', () => {
  it('refuses a query parameter named __proto__ with 400 naming it on the whole request, also when it holds a NUL or a CPR number', async () => {
    const plain = await json(null, 'GET', '/api/tariffs?__proto__=x');
    assert.equal(plain.statusCode, 400, plain.body);
    assert.match(fieldsOf(plain.body)._?.[0] ?? '', /Ukendt felt: __proto__/);
    const nul = await json(sec, 'GET', '/api/meetings?area=%00&__proto__=%00');
    assert.equal(nul.statusCode, 400, nul.body);
    assert.ok(fieldsOf(nul.body).area && fieldsOf(nul.body)._, nul.body);
    const cpr = await json(sec, 'GET', '/tilbud/eksport.xlsx?__proto__=010190-1234');
    assert.equal(cpr.statusCode, 400, cpr.body);
    assert.match(fieldsOf(cpr.body)._?.[0] ?? '', /CPR/);
  });

  it('refuses a cut-off multipart upload, or one without or with the wrong boundary, with 400 on the field fil', async () => {
    const boundary = '----ramme';
    const file = `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na;b\r\n--${boundary}--\r\n`;
    const uploads: Array<[string, string]> = [
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nafbrudt`],
      ['multipart/form-data', file],
      ['multipart/form-data; boundary=forkert', file],
    ];
    const myndighed = await t.login('demo-myndighed');
    for (const [url, who] of [
      ['/api/offerings/import', sec],
      ['/api/analysis/imports', sec],
      ['/api/contracts/import', myndighed],
    ] as const)
      for (const [type, payload] of uploads) {
        const res = await t.as(who, { method: 'POST', url, headers: { accept: 'application/json', 'content-type': type }, payload });
        assert.equal(res.statusCode, 400, `${url} ${type}: ${res.body}`);
        assert.match(fieldsOf(res.body).fil?.[0] ?? '', /multipart/, res.body);
      }
  });
});

describe('the PostgreSQL error mapping', () => {
  const inputs = [{ id: '12' }, { operator: '2147483648' }, { statusSince: '0000-01-01', name: 'a\u0000' }];
  it('maps unique and foreign key violations to 409 and 400 on the column', () => {
    const unique = describeDatabaseError({ code: '23505', detail: 'Key (agreement_id, number)=(3, 77) already exists.' }, inputs);
    assert.equal(unique?.status, 409);
    assert.deepEqual(Object.keys(unique!.fields), ['number']);
    const fk = describeDatabaseError({ code: '23503', detail: 'Key (organisation_id)=(9) is not present in table "organisation".' }, inputs);
    assert.equal(fk?.status, 400);
    assert.deepEqual(Object.keys(fk!.fields), ['organisationId']);
    const inUse = describeDatabaseError({ code: '23503', detail: 'Key (id)=(9) is still referenced from table "offering".' }, inputs);
    assert.equal(inUse?.status, 409);
  });
  it('finds the field of a refused value by its value', () => {
    assert.deepEqual(Object.keys(describeDatabaseError({ code: '22003', message: 'value "2147483648" is out of range for type integer' }, inputs)!.fields), [
      'operator',
    ]);
    assert.deepEqual(Object.keys(describeDatabaseError({ code: '22008', message: 'date/time field value out of range: "0000-01-01"' }, inputs)!.fields), [
      'statusSince',
    ]);
    assert.deepEqual(Object.keys(describeDatabaseError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }, inputs)!.fields), [
      'name',
    ]);
    assert.equal(describeDatabaseError({ code: '22P02', message: 'invalid input syntax for type integer: "x"' }, inputs)?.status, 400);
  });
  it('leaves every other error alone', () => {
    assert.equal(describeDatabaseError({ code: '42P01', message: 'relation does not exist' }, inputs), null);
    assert.equal(describeDatabaseError(new Error('boom'), inputs), null);
  });
});
