/**
 * HTTP-level tests of the offerings register (fastify.inject on a seeded database): filters, access by
 * organisation, audit in the same transaction, all-or-nothing import, and bad input that never gives a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type pg from 'pg';
import { createTestApp, form, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let holbaekOffering: number;
let otherOffering: number;
let holbaekOrg: number;

const validBody = () => ({
  name: 'Bostedet Testhuset',
  operatorOrganisationId: holbaekOrg,
  operatorType: 'kommunal',
  address: 'Testvej 1',
  postalCode: '4300',
  city: 'Holbæk',
  municipalityCode: 316,
  offeringType: 'botilbud',
  primaryLegalBasis: 'SEL-108',
  extraLegalBases: ['SEL-85'],
  targetGroups: ['kog-autisme', 'psyk-angst'],
  places: 12,
  ageMin: 18,
  ageMax: 99,
  statusSince: '2026-01-01',
  socialtilsynCode: 'hovedstaden',
});

before(async () => {
  t = await createTestApp();
  watchStatements();
  holbaekOrg = (await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).executeTakeFirstOrThrow()).id;
  holbaekOffering = (await t.db.selectFrom('offering').select('id').where('operator_org_id', '=', holbaekOrg).orderBy('id').executeTakeFirstOrThrow()).id;
  otherOffering = (
    await t.db
      .selectFrom('offering')
      .select('id')
      .where('municipality_code', '=', 370)
      .where('operator_type', '=', 'kommunal')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

/** Called with the text of every statement sent to the database (the import test watches for its phases). */
let onStatement: (text: string) => void = () => {};
function watchStatements() {
  const pool = t.database.pool as pg.Pool & { connect: () => Promise<pg.PoolClient> };
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient & { isWatched?: boolean }>;
  pool.connect = async () => {
    const client = await connect();
    if (!client.isWatched) {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
        onStatement(typeof text === 'string' ? text : String((text as { text?: string }).text));
        return query(text, ...rest);
      };
      client.isWatched = true;
    }
    return client;
  };
}

const counts = async () => ({
  offerings: Number(
    (
      await t.db
        .selectFrom('offering')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  links: Number(
    (
      await t.db
        .selectFrom('offering_target_group')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('listing offerings', () => {
  it('filters by target group (a parent includes its children) and legal basis (primary or extra)', async () => {
    const s = await t.login('demo-myndighed');
    const res = await t.as(s, { method: 'GET', url: '/api/offerings?targetGroup=kog&legalBasis=SEL-85&pageSize=500' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { total: number; items: Array<{ id: number; primaryLegalBasis: string; extraLegalBases: string[]; targetGroups: string[] }> };
    assert.ok(body.total > 0);
    for (const o of body.items) {
      assert.ok(o.primaryLegalBasis === 'SEL-85' || o.extraLegalBases.includes('SEL-85'), `tilbud ${o.id} har ikke SEL-85`);
      assert.ok(
        o.targetGroups.some((g) => g.startsWith('kog-')),
        `tilbud ${o.id} har ingen kognitiv målgruppe`,
      );
    }
  });
  it('finds offerings by inflected Danish words in free text', async () => {
    const s = await t.login('demo-myndighed');
    // "børnehjemmene" (the children's homes) stems to "børnehjem": an offering matches when a word of its name,
    // description, address or city, of one of its target groups' names, or of its operator's name starts with it.
    const res = await t.as(s, { method: 'GET', url: `/api/offerings?q=${encodeURIComponent('børnehjemmene')}&pageSize=500` });
    const body = res.json() as { total: number; items: Array<{ id: number; name: string }> };
    assert.ok(body.total > 0);
    assert.equal(body.items.length, body.total);
    const wordStartingWith = /(^|[^\p{L}\p{N}])børnehjem/iu;
    const texts = await t.db
      .selectFrom('offering as o')
      .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
      .leftJoin('offering_target_group as x', 'x.offering_id', 'o.id')
      .leftJoin('target_group as tg', 'tg.code', 'x.target_group_code')
      .select(['o.id', 'o.name', 'o.description', 'o.address', 'o.city', 'op.name as operator', 'tg.name as target_group'])
      .execute();
    const expected = new Set(
      texts.filter((r) => [r.name, r.description, r.address, r.city, r.operator, r.target_group].some((v) => v && wordStartingWith.test(v))).map((r) => r.id),
    );
    assert.deepEqual(new Set(body.items.map((o) => o.id)), expected);
    assert.ok(
      body.items.every((o) => wordStartingWith.test(o.name)),
      'in the demo data every match is by name (Børnehjemmet …)',
    );
    const names = (await t.as(s, { method: 'GET', url: '/api/offerings?q=B%C3%B8rnehjemmet&pageSize=5' })).json() as { items: Array<{ name: string }> };
    assert.ok(names.items.some((o) => o.name.startsWith('Børnehjemmet')));
  });
  it('sorts and pages, and counts the whole filtered set', async () => {
    const s = await t.login('demo-myndighed');
    const p1 = (await t.as(s, { method: 'GET', url: '/api/offerings?sort=places&dir=desc&pageSize=10' })).json() as {
      total: number;
      pageCount: number;
      items: Array<{ places: number }>;
    };
    assert.equal(p1.items.length, 10);
    assert.equal(p1.pageCount, Math.ceil(p1.total / 10));
    const places = p1.items.map((o) => o.places);
    assert.deepEqual(
      places,
      [...places].sort((a, b) => b - a),
    );
  });
  it('treats the empty fields a filter form sends as "not set"', async () => {
    const s = await t.login('demo-myndighed');
    const res = await t.as(s, {
      method: 'GET',
      url: '/tilbud?q=&area=&municipality=&operatorType=&legalBasis=&targetGroup=kog&status=&sort=name&dir=asc',
      headers: { accept: 'text/html' },
    });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /blev ignoreret/);
    const api = await t.as(s, { method: 'GET', url: '/api/offerings?municipality=&targetGroup=kog' });
    assert.equal(api.statusCode, 200);
    const secretariat = await t.login('demo-sekretariat');
    const log = await t.as(secretariat, { method: 'GET', url: '/log?entity=&user=&from=&to=', headers: { accept: 'text/html' } });
    assert.doesNotMatch(log.body, /Filtrene kunne ikke læses/);
  });
  it('answers 400 in Danish for a bad filter, 401 without login', async () => {
    const s = await t.login('demo-myndighed');
    const bad = await t.as(s, { method: 'GET', url: '/api/offerings?pageSize=100000&sort=price' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.pageSize);
    assert.ok(bad.json().fields.sort);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/offerings' })).statusCode, 401);
  });
  it('exports the filtered list as CSV and Excel', async () => {
    const s = await t.login('demo-myndighed');
    const csv = await t.as(s, { method: 'GET', url: '/tilbud/eksport.csv?municipality=316' });
    assert.equal(csv.statusCode, 200);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM so Excel reads æøå');
    const lines = csv.rawPayload
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0]!, /^ID;Navn;/);
    const api = (await t.as(s, { method: 'GET', url: '/api/offerings?municipality=316' })).json() as { total: number };
    assert.equal(lines.length - 1, api.total);
    const xlsx = await t.as(s, { method: 'GET', url: '/tilbud/eksport.xlsx?municipality=316' });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });
});

describe('writing offerings', () => {
  it('lets an operator create its own offering, with the audit entry written alongside', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const before = await counts();
    const res = await t.as(s, { method: 'POST', url: '/api/offerings', payload: validBody() });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as number;
    const log = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'offering').where('entity_id', '=', String(id)).execute();
    assert.equal(log.length, 1);
    assert.equal(log[0]!.action, 'create');
    assert.equal(log[0]!.actor_username, 'demo-tilbudsoekonomi');
    assert.equal((log[0]!.after as { places: number }).places, 12);
    const afterCounts = await counts();
    assert.equal(afterCounts.offerings, before.offerings + 1);
    assert.equal(afterCounts.links, before.links + 2);
  });
  it('refuses an operator creating an offering run by another municipality', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const other = (await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 370).executeTakeFirstOrThrow()).id;
    const res = await t.as(s, { method: 'POST', url: '/api/offerings', payload: { ...validBody(), operatorOrganisationId: other, municipalityCode: 370 } });
    assert.equal(res.statusCode, 403);
  });
  it('updates only the sent fields and keeps before and after in the log', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const res = await t.as(s, { method: 'PATCH', url: `/api/offerings/${holbaekOffering}`, payload: { places: 21 } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().places, 21);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', String(holbaekOffering))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal((entry.after as { places: number }).places, 21);
    assert.notEqual((entry.before as { places: number }).places, undefined);
  });
  it('refuses edits to another municipality’s offering for operators, case workers and readers', async () => {
    for (const user of ['demo-tilbudsoekonomi', 'demo-myndighed', 'demo-laeser', 'demo-leverandoer']) {
      const s = await t.login(user);
      const res = await t.as(s, { method: 'PATCH', url: `/api/offerings/${otherOffering}`, payload: { places: 3 } });
      assert.equal(res.statusCode, 403, `${user} fik ${res.statusCode}`);
    }
  });
  it('lets the secretariat edit any offering in its own area', async () => {
    const s = await t.login('demo-sekretariat');
    const res = await t.as(s, { method: 'PATCH', url: `/api/offerings/${otherOffering}`, payload: { protection: 'mest_specialiseret' } });
    assert.equal(res.statusCode, 200, res.body);
  });
  it('closes an offering with a reason, and refuses a date before its current status', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const early = await t.as(s, {
      method: 'POST',
      url: `/api/offerings/${holbaekOffering}/close`,
      payload: { status: 'lukket', statusSince: '1990-01-01', reason: 'Test' },
    });
    assert.equal(early.statusCode, 400);
    const ok = await t.as(s, {
      method: 'POST',
      url: `/api/offerings/${holbaekOffering}/close`,
      payload: { status: 'under_afvikling', statusSince: '2026-11-20', reason: 'Byrådsbeslutning' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'under_afvikling');
  });
  it('refuses a closing date in the future and an approval date in the future', async () => {
    const s = await t.login('demo-sekretariat');
    const future = await t.as(s, {
      method: 'POST',
      url: `/api/offerings/${otherOffering}/close`,
      payload: { status: 'lukket', statusSince: '2099-01-01', reason: 'Planlagt' },
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.json().fields.statusSince[0], /fremtiden/);
    const approval = await t.as(s, { method: 'PATCH', url: `/api/offerings/${otherOffering}`, payload: { approvalDate: '2099-01-01' } });
    assert.equal(approval.statusCode, 400);
    assert.match(approval.json().fields.approvalDate[0], /fremtiden/);
  });
  it('writes and logs nothing when a save changes nothing', async () => {
    const s = await t.login('demo-sekretariat');
    const current = (await t.as(s, { method: 'GET', url: `/api/offerings/${otherOffering}` })).json() as { places: number; updatedAt: string };
    const before = await counts();
    const res = await t.as(s, { method: 'PATCH', url: `/api/offerings/${otherOffering}`, payload: { places: current.places } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().updatedAt, current.updatedAt);
    assert.deepEqual(await counts(), before);
  });
  it('rejects unknown codes and expired legal bases by field, in Danish', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const res = await t.as(s, {
      method: 'POST',
      url: '/api/offerings',
      payload: { ...validBody(), primaryLegalBasis: 'SEL-66', targetGroups: ['findes-ikke'], offeringType: 'slot' },
    });
    assert.equal(res.statusCode, 400);
    const fields = res.json().fields;
    assert.match(fields.primaryLegalBasis[0], /gælder ikke i dag/);
    assert.match(fields.targetGroups[0], /Ukendt målgruppe/);
    assert.match(fields.offeringType[0], /Ukendt tilbudstype/);
  });
  it('re-shows the web form with the input kept and a 400 on bad input', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const res = await t.as(s, {
      method: 'POST',
      url: '/tilbud/ny',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: s.csrf, name: 'Mit <tilbud>', places: 'tolv', targetGroups: ['kog-autisme'] }),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /value="Mit &lt;tilbud&gt;"/);
    assert.match(res.body, /value="tolv"/);
    assert.match(res.body, /Normerede pladser/);
  });
  it('refuses a form post without the CSRF token', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const res = await t.app.inject({
      method: 'POST',
      url: '/tilbud/ny',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ name: 'x' }),
    });
    assert.equal(res.statusCode, 403);
  });
  it('accepts an API token instead of a session, and not a revoked one', async () => {
    const token = await t.token('demo-tilbudsoekonomi');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/offerings/${holbaekOffering}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { places: 9 },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    await t.db.updateTable('api_token').set({ revoked_at: new Date() }).execute();
    const revoked = await t.app.inject({ method: 'GET', url: '/api/offerings', headers: { authorization: `Bearer ${token}` } });
    assert.equal(revoked.statusCode, 401);
  });
});

describe('import', () => {
  const csv = (rows: string[]) =>
    [
      'Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn',
      ...rows,
    ].join('\n');
  const upload = (s: { cookie: string; csrf: string }, content: string, filename = 'tilbud.csv') => {
    const boundary = '----ramme';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: 'POST',
      url: `/api/offerings/import`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };
  it('imports nothing when one row is wrong, and reports each problem by row', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const before = await counts();
    const res = await upload(
      s,
      csv([
        'Godt tilbud;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest',
        'Dårligt tilbud;kommunal;Vej 2;43;Holbæk;316;botilbud;SEL-999;kog-autisme;-1;18;99;2026-13-01;oest',
      ]),
    );
    assert.equal(res.statusCode, 400);
    const rows = res.json().rows as Array<{ line: number; field: string }>;
    assert.ok(rows.every((r) => r.line === 3));
    assert.deepEqual([...new Set(rows.map((r) => r.field))].sort(), ['places', 'postalCode', 'statusSince'].sort());
    assert.deepEqual(await counts(), before);
  });
  it('imports every row when all are valid, and rejects duplicates within the file', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const before = await counts();
    const dup = await upload(
      s,
      csv([
        'Ny A;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest',
        'Ny A;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest',
      ]),
    );
    assert.equal(dup.statusCode, 400);
    const ok = await upload(
      s,
      csv([
        'Ny A;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest',
        'Ny B;kommunal;Vej 2;4300;Holbæk;316;dagtilbud;SEL-104;psyk-angst,soc-misbrug;30;18;99;01-03-2026;oest',
      ]),
    );
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { created: 2, updated: 0, errors: [] });
    const afterCounts = await counts();
    assert.equal(afterCounts.offerings, before.offerings + 2);
    assert.equal(afterCounts.audit, before.audit + 2);
  });
  it('updates the offerings a file names by ID: their values, links and version, each audited with the row before', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const before = await t.db.selectFrom('offering').select(['version', 'places']).where('id', '=', holbaekOffering).executeTakeFirstOrThrow();
    const res = await upload(
      s,
      [
        'ID;Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn',
        `${holbaekOffering};Importeret navn;kommunal;Importvej 3;4300;Holbæk;316;botilbud;SEL-108;psyk-angst,soc-misbrug;${before.places + 3};18;99;2026-01-01;oest`,
        ';Ny C;kommunal;Vej 3;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest',
      ].join('\n'),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 1, updated: 1, errors: [] });
    const o = await t.db.selectFrom('offering').selectAll().where('id', '=', holbaekOffering).executeTakeFirstOrThrow();
    assert.equal(o.name, 'Importeret navn');
    assert.equal(o.address, 'Importvej 3');
    assert.equal(o.places, before.places + 3);
    assert.equal(o.version, before.version + 1);
    const groups = await t.db.selectFrom('offering_target_group').select('target_group_code').where('offering_id', '=', holbaekOffering).execute();
    assert.deepEqual(groups.map((g) => g.target_group_code).sort(), ['psyk-angst', 'soc-misbrug']);
    const event = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'offering')
      .where('entity_id', '=', String(holbaekOffering))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'update');
    assert.equal((event.before as { places: number }).places, before.places);
    assert.equal((event.after as { places: number; source: string }).places, before.places + 3);
    assert.equal((event.after as { source: string }).source, 'import');
    const created = await t.db.selectFrom('offering').select('id').where('name', '=', 'Ny C').executeTakeFirstOrThrow();
    const createdEvent = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'offering')
      .where('entity_id', '=', String(created.id))
      .execute();
    assert.deepEqual(
      createdEvent.map((e) => e.action),
      ['create'],
      'the new offering is audited under its own id',
    );
  });
  it('answers a health check while it checks a file of 3,000 rows, and writes every row or none', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const rows = (n: number, last = '10') =>
      Array.from(
        { length: n },
        (_, i) => `Masseimport ${i};kommunal;Massevej ${i};4300;Holbæk;316;botilbud;SEL-108;kog-autisme;${i === n - 1 ? last : 10};18;99;2026-01-01;oest`,
      );
    const before = await counts();
    // The last row is wrong: nothing of the other 2,999 is written.
    const refused = await upload(s, csv(rows(3000, 'mange')));
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      (refused.json().rows as Array<{ line: number }>).map((r) => r.line),
      [3001],
    );
    assert.deepEqual(await counts(), before);

    // The order things happen in: the import's checks against the database start, health checks (asked one after
    // another while the import runs) are answered, the import's transaction begins, the import is answered.
    const events: string[] = [];
    onStatement = (text) => {
      if (/agreement_area_member/.test(text)) events.push('checking');
      else if (/^\s*begin\b/i.test(text)) events.push('writing');
    };
    let isImporting = true;
    const importing = upload(s, csv(rows(3000))).then((res) => {
      isImporting = false;
      events.push('import');
      return res;
    });
    const checking = (async () => {
      while (isImporting) {
        // A request that comes over the network arrives in the event loop's I/O phase, not among the promise callbacks.
        await new Promise((resolve) => setImmediate(resolve));
        const health = await t.app.inject({ method: 'GET', url: '/api/health' });
        assert.equal(health.statusCode, 200);
        if (isImporting) events.push('health');
      }
    })();
    const [res] = await Promise.all([importing, checking]);
    onStatement = () => {};
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 3000, updated: 0, errors: [] });
    const during = events.slice(events.indexOf('checking'), events.indexOf('writing'));
    assert.ok(events.indexOf('checking') >= 0 && during.includes('health'), `health answered while the rows were checked: ${events.join(', ')}`);
    assert.equal(events.at(-1), 'import');
    const afterCounts = await counts();
    assert.equal(afterCounts.offerings, before.offerings + 3000);
    assert.equal(afterCounts.audit, before.audit + 3000);
  });
  it('answers a file that is neither CSV nor Excel with a Danish 400', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const res = await upload(s, 'hej', 'tilbud.pdf');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error, /Filtypen/);
  });
});

/** The row count of every table in the public schema, by table name. */
async function rowCounter(): Promise<() => Promise<Record<string, string>>> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
  const parts = tables.rows.map((r) => sql`select ${r.name}::text as name, count(*)::text as digest from ${sql.table(r.name)}`);
  const query = sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`;
  return async () => Object.fromEntries((await query.execute(t.db)).rows.map((r) => [r.name, r.digest]));
}

/** A digest of every table in the public schema (md5 over the md5 of each row, in a fixed order), by table name. */
async function digester(): Promise<() => Promise<Record<string, string>>> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
  const parts = tables.rows.map(
    (r) => sql`select ${r.name}::text as name, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as digest from ${sql.table(r.name)} x`,
  );
  const query = sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`;
  return async () => Object.fromEntries((await query.execute(t.db)).rows.map((r) => [r.name, r.digest]));
}

describe('bad input never gives a 500 and never changes the database', () => {
  it('random bodies to create and update', async () => {
    const s = await t.login('demo-sekretariat');
    const before = await counts();
    // Every table: nothing a refused request does may be written anywhere. The row count of every table is
    // compared after each refused request (naming the body), the digest of every row of every table after the
    // last one (an update by a refused request changes it); a digest of the whole database per request costs minutes.
    const databaseDigest = await digester();
    const tableCounts = await rowCounter();
    let expected = await databaseDigest();
    let expectedCounts = await tableCounts();
    assert.ok(Object.keys(expected).length > 20, 'the digest covers every table');
    let accepted = 0;
    const anyJson = fc.oneof(
      fc.anything(),
      fc.record(
        {
          name: fc.oneof(fc.string({ maxLength: 400 }), fc.integer(), fc.constant(null)),
          places: fc.oneof(fc.integer(), fc.double(), fc.string()),
          targetGroups: fc.oneof(fc.array(fc.string()), fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.record({ ...Object.fromEntries(Object.entries(validBody()).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.anything())])) } as Record<
        string,
        fc.Arbitrary<unknown>
      >),
    );
    await fc.assert(
      fc.asyncProperty(anyJson, fc.boolean(), async (body, isCreate) => {
        const payload = JSON.stringify(body) ?? 'null';
        const res = await t.as(s, {
          method: isCreate ? 'POST' : 'PATCH',
          url: isCreate ? '/api/offerings' : `/api/offerings/${otherOffering}`,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        // A random body may happen to be valid (then it may change the database); everything else must be a
        // 4xx with a Danish error and leave every table exactly as it was.
        if (res.statusCode >= 200 && res.statusCode < 300) {
          accepted++;
          expected = await databaseDigest();
          expectedCounts = await tableCounts();
          return true;
        }
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} for ${payload.slice(0, 200)}: ${res.body.slice(0, 200)}`);
        assert.equal(typeof res.json().error, 'string');
        assert.deepEqual(await tableCounts(), expectedCounts, `rows added or removed by ${res.statusCode} for ${payload.slice(0, 200)}`);
        return true;
      }),
      { numRuns: 150, seed: 20261123 },
    );
    assert.deepEqual(await databaseDigest(), expected, 'a refused request changed rows');
    assert.ok(accepted < 150, 'most random bodies are refused');
    const afterCounts = await counts();
    assert.equal(afterCounts.offerings, before.offerings, 'no random body may create an offering');
  });
  it('malformed JSON, wrong content type and over-long text are 4xx', async () => {
    const s = await t.login('demo-sekretariat');
    const malformed = await t.as(s, { method: 'POST', url: '/api/offerings', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().error, /ugyldig JSON/);
    const xml = await t.as(s, { method: 'POST', url: '/api/offerings', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.equal(xml.statusCode, 415);
    const long = await t.as(s, { method: 'POST', url: '/api/offerings', payload: { ...validBody(), name: 'x'.repeat(201) } });
    assert.equal(long.statusCode, 400);
    assert.deepEqual(long.json().fields.name, ['Må højst være 200 tegn.']);
    const bigId = await t.as(s, { method: 'GET', url: '/api/offerings/99999999999' });
    assert.equal(bigId.statusCode, 404);
  });
});
