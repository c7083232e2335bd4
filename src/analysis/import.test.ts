/**
 * Importing Statistikbanken files through the API and the page: the secretariat imports (all or nothing, with a
 * row report in Danish), a later import of the same table replaces the earlier one, every import is audited,
 * and nobody else may import.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let caseWorker: Session;
before(async () => {
  t = await createTestApp();
  secretariat = await t.login('demo-sekretariat');
  caseWorker = await t.login('demo-myndighed');
});
after(() => t.close());

const BOUNDARY = '----ramme-analyse';
function multipart(fields: Record<string, string>, file: string | null) {
  let body = '';
  for (const [k, v] of Object.entries(fields)) body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  if (file !== null)
    body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="fil"; filename="statbank.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`;
  return `${body}--${BOUNDARY}--\r\n`;
}
const upload = (s: Session | null, url: string, fields: Record<string, string>, file: string | null) =>
  t.as(s, { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: multipart(fields, file) });

const FOLK1A = [
  '\uFEFFOMRÅDE;KØN;ALDER;TID;INDHOLD',
  '000 Hele landet;I alt;30 år;2015K1;70000',
  '316 Holbæk;I alt;30 år;2015K1;900',
  '316 Holbæk;I alt;30 år;2015K2;..',
  '101 København;I alt;30 år;2015K1;11000',
  '101 København;I alt;5 år;2015K1;6000',
].join('\r\n');

test('the secretariat imports FOLK1A; values per municipality, year and band are kept with table, date and unit, and audited', async () => {
  const res = await upload(secretariat, '/api/analysis/imports', { tableId: 'FOLK1A', downloadedOn: '2025-02-11' }, FOLK1A);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.tableId, 'FOLK1A');
  assert.equal(body.kind, 'population');
  assert.equal(body.unit, 'personer');
  assert.equal(body.aggregatesLeftOut, 1);
  const values = await t.db
    .selectFrom('stat_value')
    .select(['municipality_code', 'year', 'category', 'value'])
    .where('series_id', '=', body.seriesId)
    .orderBy('municipality_code')
    .orderBy('category')
    .execute();
  assert.deepEqual(
    values.map((v) => [v.municipality_code, v.year, v.category, v.value === null ? null : Number(v.value)]),
    [
      [101, 2015, '0-17', 6000],
      [101, 2015, '0-22', 6000],
      [101, 2015, '18-64', 11000],
      [316, 2015, '18-64', 900],
    ],
  );
  const series = await t.db.selectFrom('stat_series').selectAll().where('id', '=', body.seriesId).executeTakeFirstOrThrow();
  assert.equal(series.downloaded_on, '2025-02-11');
  assert.equal(series.source, 'Danmarks Statistik, Statistikbanken');
  const event = await t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'stat_series')
    .where('entity_id', '=', String(body.seriesId))
    .executeTakeFirst();
  assert.equal(event?.action, 'create');
  assert.equal(event?.actor_username, 'demo-sekretariat');

  const list = await t.as(caseWorker, { method: 'GET', url: '/api/analysis/series' });
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().some((s: { id: number; isCurrent: boolean }) => s.id === body.seriesId && s.isCurrent));
});

test('a second import of the same table replaces the first', async () => {
  const first = await upload(
    secretariat,
    '/api/analysis/imports',
    { tableId: 'REGK31', downloadedOn: '2025-03-01' },
    'OMRÅDE;FUNKTION;TID;INDHOLD\n316;5.38.50 Botilbud;2015;100',
  );
  const second = await upload(
    secretariat,
    '/api/analysis/imports',
    { tableId: 'REGK31', downloadedOn: '2025-04-01' },
    'OMRÅDE;FUNKTION;TID;INDHOLD\n316;5.38.50 Botilbud;2015;110',
  );
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().replaced, 1);
  const old = await t.db.selectFrom('stat_series').select('superseded_at').where('id', '=', first.json().seriesId).executeTakeFirstOrThrow();
  assert.ok(old.superseded_at);
});

test('a file with an unknown municipality and a broken row saves nothing and reports each line in Danish', async () => {
  const before = await t.db
    .selectFrom('stat_series')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const file = [
    'OMRÅDE;YDELSESTYPE;TID;INDHOLD',
    '316 Holbæk;30181 Længerevarende botilbud;2024K1;40',
    '998 Ingensteds;30181;2024K1;3',
    '316 Holbæk;30181;2024K2',
  ].join('\n');
  const res = await upload(secretariat, '/api/analysis/imports', { tableId: 'HAND07', downloadedOn: '2025-02-11' }, file);
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(res.json(), {
    error: 'Intet er indlæst: filen har 2 fejl.',
    rows: [
      { line: 4, message: 'Rækken har 3 felter; overskriften har 4.' },
      { line: 3, message: 'Ukendt kommune "998 Ingensteds" i OMRÅDE.' },
    ],
  });
  const afterCount = await t.db
    .selectFrom('stat_series')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(afterCount.n), Number(before.n));
});

test('a wrong table, an unknown table, a future date and a missing file are 400 on their field', async () => {
  const wrong = await upload(secretariat, '/api/analysis/imports', { tableId: 'REGK31', downloadedOn: '2025-02-11' }, FOLK1A);
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.json().rows[0].message, /ligner ikke tabellen REGK31/);
  const bad = await upload(secretariat, '/api/analysis/imports', { tableId: 'AUS08', downloadedOn: '2999-01-01' }, null);
  assert.equal(bad.statusCode, 400);
  const fields = bad.json().fields;
  assert.match(fields.tableId[0], /Vælg en tabel/);
  assert.match(fields.downloadedOn[0], /fremtiden/);
  assert.match(fields.file[0], /Vælg en CSV-fil/);
  const nul = await upload(secretariat, '/api/analysis/imports', { tableId: 'FOLK1A', downloadedOn: '2025-02-11' }, 'OMRÅDE;KØN;ALDER;TID;INDHOLD\n\u0000');
  assert.equal(nul.statusCode, 400);
  const notMultipart = await t.as(secretariat, { method: 'POST', url: '/api/analysis/imports', payload: {} });
  assert.equal(notMultipart.statusCode, 400);
});

test('only the secretariat may import; the page offers the form to it alone', async () => {
  const refused = await upload(caseWorker, '/api/analysis/imports', { tableId: 'FOLK1A', downloadedOn: '2025-02-11' }, FOLK1A);
  assert.equal(refused.statusCode, 403);
  const anonymous = await upload(null, '/api/analysis/imports', { tableId: 'FOLK1A', downloadedOn: '2025-02-11' }, FOLK1A);
  assert.equal(anonymous.statusCode, 401);
  const page = await t.as(caseWorker, { method: 'GET', url: '/analyse/data', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /enctype="multipart\/form-data"/);
  const own = await t.as(secretariat, { method: 'GET', url: '/analyse/data', headers: { accept: 'text/html' } });
  assert.match(own.body, /Indlæs fra Statistikbanken/);
});

// As the browser sends it: the CSRF token as the form's first field, never in a header or the address.
const formUpload = (fields: Record<string, string>, file: string | null) =>
  t.app.inject({
    method: 'POST',
    url: '/analyse/data',
    headers: { accept: 'text/html', cookie: secretariat.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipart(fields, file),
  });

test('the page imports and shows the result, or the row report', async () => {
  const ok = await formUpload(
    { _csrf: secretariat.csrf, tableId: 'FRKM125', downloadedOn: '2025-06-02' },
    'OMRÅDE;KØN;ALDER;TID;INDHOLD\n316;TOT;40;2030;1000\n316;TOT;41;2030;1010',
  );
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 500));
  assert.match(ok.body, /FRKM125 er indlæst/);
  const bad = await formUpload(
    { _csrf: secretariat.csrf, tableId: 'FRKM125', downloadedOn: '2025-06-02' },
    'OMRÅDE;KØN;ALDER;TID;INDHOLD\nAtlantis;TOT;40;2030;1000',
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Intet er indlæst/);
  assert.match(bad.body, /Ukendt kommune &quot;Atlantis&quot;|Ukendt kommune "Atlantis"/);
});

test('a page upload without the form’s CSRF field is refused and imports nothing', async () => {
  const forged = await formUpload({ tableId: 'FRKM126', downloadedOn: '2025-06-02' }, 'OMRÅDE;KØN;ALDER;TID;INDHOLD\n316;TOT;40;2031;1000');
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /CSRF-kontrol/);
  const wrong = await formUpload({ _csrf: 'forkert', tableId: 'FRKM126', downloadedOn: '2025-06-02' }, 'OMRÅDE;KØN;ALDER;TID;INDHOLD\n316;TOT;40;2031;1000');
  assert.equal(wrong.statusCode, 403);
  const page = await t.as(secretariat, { method: 'GET', url: '/analyse/data', headers: { accept: 'text/html' } });
  assert.doesNotMatch(page.body, /FRKM126/);
});
