/**
 * Reading Statistikbanken's CSV in its real layouts: BOM and semicolons, areas as code, "code name" or name,
 * quarters and months, ".." for suppressed values, totals of other variables, and the row report for unknown
 * municipalities, a wrong table and broken rows (nothing comes back unless every line is in order).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandsOfAge, functionCode, matchArea, parseContent, parsePeriod, parseStatbankCsv, tableInfo } from './statbank.js';

const MUNICIPALITIES = new Map([
  [101, 'København'],
  [316, 'Holbæk'],
  [400, 'Bornholm'],
  [851, 'Aalborg'],
]);
const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

test('time codes: years, quarters (K and Q), months; anything else is not a time', () => {
  assert.deepEqual(parsePeriod('2024'), { year: 2024, sub: 1 });
  assert.deepEqual(parsePeriod('2024K3'), { year: 2024, sub: 7 });
  assert.deepEqual(parsePeriod('2024Q1'), { year: 2024, sub: 1 });
  assert.deepEqual(parsePeriod('2024M11'), { year: 2024, sub: 11 });
  assert.equal(parsePeriod('2024K5'), null);
  assert.equal(parsePeriod('24'), null);
});

test('contents: decimal comma, ".." suppressed, text refused', () => {
  assert.deepEqual(parseContent('1234'), { value: '1234' });
  assert.deepEqual(parseContent('12,5'), { value: '12.5' });
  assert.deepEqual(parseContent('-340'), { value: '-340' });
  assert.deepEqual(parseContent('..'), { value: null });
  assert.equal(parseContent('12 345'), null);
  assert.equal(parseContent('abc'), null);
});

test('areas: code, code and name, name; the country and regions are aggregates; others unknown', () => {
  const byName = new Map([...MUNICIPALITIES].map(([c, n]) => [n.toLowerCase(), c]));
  assert.deepEqual(matchArea('101', MUNICIPALITIES, byName), { kind: 'municipality', code: 101 });
  assert.deepEqual(matchArea('316 Holbæk', MUNICIPALITIES, byName), { kind: 'municipality', code: 316 });
  assert.deepEqual(matchArea('Holbæk', MUNICIPALITIES, byName), { kind: 'municipality', code: 316 });
  assert.deepEqual(matchArea('Holbæk Kommune', MUNICIPALITIES, byName), { kind: 'municipality', code: 316 });
  assert.deepEqual(matchArea('000 Hele landet', MUNICIPALITIES, byName), { kind: 'aggregate' });
  assert.deepEqual(matchArea('Hele landet', MUNICIPALITIES, byName), { kind: 'aggregate' });
  assert.deepEqual(matchArea('084 Region Hovedstaden', MUNICIPALITIES, byName), { kind: 'aggregate' });
  assert.deepEqual(matchArea('Region Sjælland', MUNICIPALITIES, byName), { kind: 'aggregate' });
  assert.deepEqual(matchArea('999', MUNICIPALITIES, byName), { kind: 'unknown' });
  assert.deepEqual(matchArea('Atlantis', MUNICIPALITIES, byName), { kind: 'unknown' });
});

test('ages fall in their bands; age groups across a band boundary are refused', () => {
  assert.deepEqual(bandsOfAge('17 år'), { bands: ['0-17', '0-22'], isTotal: false });
  assert.deepEqual(bandsOfAge('20 år'), { bands: ['0-22', '18-64'], isTotal: false });
  assert.deepEqual(bandsOfAge('70'), { bands: [], isTotal: false });
  assert.deepEqual(bandsOfAge('100 år og derover'), { bands: [], isTotal: false });
  assert.deepEqual(bandsOfAge('I alt'), { bands: ['alle'], isTotal: true });
  assert.deepEqual(bandsOfAge('25-29 år'), { bands: ['18-64'], isTotal: false });
  assert.deepEqual(bandsOfAge('15-19 år'), { straddles: '0-17' });
  assert.equal(bandsOfAge('ukendt'), null);
});

test('function numbers in their written forms', () => {
  assert.equal(functionCode('5.38.50 Botilbud til længerevarende ophold (§ 108)'), '5.38.50');
  assert.equal(functionCode('53850'), '5.38.50');
  assert.equal(functionCode('Botilbud'), null);
});

test('table ids: population, projections, HAND tables and REGK31; any other is refused', () => {
  assert.equal(tableInfo('folk1a')?.kind, 'population');
  assert.equal(tableInfo('FRKM125')?.kind, 'projection');
  assert.equal(tableInfo('HAND07')?.kind, 'recipients');
  assert.equal(tableInfo('HAND02A')?.kind, 'recipients');
  assert.equal(tableInfo('REGK31')?.unit, '1.000 kr.');
  assert.equal(tableInfo('AUS08'), null);
});

test('FOLK1A by quarter, names as text: bands summed per municipality, the year is its first quarter, country rows left out', () => {
  const r = parseStatbankCsv(
    csv(
      'OMRÅDE;KØN;ALDER;TID;INDHOLD',
      'Hele landet;I alt;17 år;2024K1;70000',
      'Holbæk;I alt;17 år;2024K1;900',
      'Holbæk;I alt;18 år;2024K1;850',
      'Holbæk;I alt;64 år;2024K1;1000',
      'Holbæk;I alt;70 år;2024K1;1200',
      'Holbæk;I alt;17 år;2024K2;905',
      'Holbæk;I alt;18 år;2024K2;851',
      'Holbæk;I alt;64 år;2024K2;1001',
      'Holbæk;I alt;70 år;2024K2;1201',
    ),
    'FOLK1A',
    MUNICIPALITIES,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.aggregatesLeftOut, 1);
  const byBand = Object.fromEntries(r.rows.map((row) => [row.category, row.value]));
  assert.deepEqual(byBand, { '0-17': '900', '0-22': '1750', '18-64': '1850' });
  assert.deepEqual(r.rows.find((row) => row.category === '0-22')?.lines, [3, 4]);
  assert.ok(r.rows.every((row) => row.year === 2024 && row.municipalityCode === 316));
});

test('sex split with a total: only the total rows are used; codes as "101 København" and the age total', () => {
  const r = parseStatbankCsv(
    csv(
      'OMRÅDE;KØN;ALDER;TID;INDHOLD',
      '101 København;Mænd;I alt;2025K1;320000',
      '101 København;Kvinder;I alt;2025K1;330000',
      '101 København;I alt;I alt;2025K1;650000',
    ),
    'FOLK1A',
    MUNICIPALITIES,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(
    r.rows.map((row) => [row.municipalityCode, row.category, row.value]),
    [[101, 'alle', '650000']],
  );
});

test('a projection FRKM125 with codes and a suppressed value', () => {
  const r = parseStatbankCsv(csv('OMRÅDE;KØN;ALDER;TID;INDHOLD', '400;TOT;30;2030;..', '400;TOT;31;2030;123'), 'FRKM125', MUNICIPALITIES);
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(
    r.rows.map((row) => [row.category, row.value]),
    [['18-64', null]],
  );
});

test('HAND07 by quarter: the year is the mean of its quarters, per service type code; totals left out', () => {
  const r = parseStatbankCsv(
    csv(
      'OMRÅDE;YDELSESTYPE;TID;INDHOLD',
      '851 Aalborg;30181 Længerevarende botilbud (§ 108);2023K1;400',
      '851 Aalborg;30181 Længerevarende botilbud (§ 108);2023K2;410',
      '851 Aalborg;30181 Længerevarende botilbud (§ 108);2023K3;420',
      '851 Aalborg;30181 Længerevarende botilbud (§ 108);2023K4;431',
      '851 Aalborg;I alt;2023K1;5000',
    ),
    'HAND07',
    MUNICIPALITIES,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.otherCategoriesLeftOut, 1);
  assert.deepEqual(
    r.rows.map((row) => [row.category, row.value, row.label]),
    [['30181', '415.25', '30181 Længerevarende botilbud (§ 108)']],
  );
});

test('REGK31 in 1.000 kr.: functions 5.28 and 5.38 kept, others left out; one value of the other variables', () => {
  const r = parseStatbankCsv(
    csv(
      'OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD',
      'Holbæk;5.38.50 Botilbud til længerevarende ophold (§ 108);1 Drift;Netto;Løbende priser;2023;85432',
      'Holbæk;5.28.23 Døgninstitutioner for børn og unge;1 Drift;Netto;Løbende priser;2023;40211,5',
      'Holbæk;3.22.01 Folkeskoler;1 Drift;Netto;Løbende priser;2023;500000',
    ),
    'REGK31',
    MUNICIPALITIES,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.otherCategoriesLeftOut, 1);
  assert.deepEqual(
    r.rows.map((row) => [row.category, row.value]),
    [
      ['5.28.23', '40211.5'],
      ['5.38.50', '85432'],
    ],
  );
});

test('a wrong table: the header does not have the variables, nothing comes back', () => {
  const r = parseStatbankCsv(csv('OMRÅDE;YDELSESTYPE;TID;INDHOLD', 'Holbæk;30181;2023K1;400'), 'FOLK1A', MUNICIPALITIES);
  assert.deepEqual(r, {
    ok: false,
    problems: [{ line: 1, message: 'Filen ligner ikke tabellen FOLK1A: overskriften skal have ALDER (den har OMRÅDE;YDELSESTYPE;TID;INDHOLD).' }],
  });
  const unknown = parseStatbankCsv('x', 'AUS08', MUNICIPALITIES);
  assert.equal(unknown.ok, false);
});

test('an unknown municipality, a broken row, a bad time, text in INDHOLD and a repeated row are all reported by line', () => {
  const r = parseStatbankCsv(
    csv(
      'OMRÅDE;KØN;ALDER;TID;INDHOLD',
      'Holbæk;I alt;20 år;2024K1;900',
      '999 Atlantis;I alt;20 år;2024K1;10',
      'Holbæk;I alt;21 år',
      'Holbæk;I alt;22 år;første kvartal;5',
      'Holbæk;I alt;23 år;2024K1;mange',
      'Holbæk;I alt;20 år;2024K1;900',
    ),
    'FOLK1A',
    MUNICIPALITIES,
  );
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems, [
    { line: 4, message: 'Rækken har 3 felter; overskriften har 5.' },
    { line: 3, message: 'Ukendt kommune "999 Atlantis" i OMRÅDE.' },
    { line: 5, message: 'Ukendt tid "første kvartal" i TID (brug fx 2024, 2024K1 eller 2024M01).' },
    { line: 6, message: 'INDHOLD "mange" er ikke et tal (".." betyder udeladt).' },
    { line: 7, message: 'Rækken gentager række 2 (samme område, ALDER og tid).' },
  ]);
});

test('another variable with several values and no total is refused', () => {
  const r = parseStatbankCsv(csv('OMRÅDE;KØN;ALDER;TID;INDHOLD', 'Holbæk;Mænd;20 år;2024K1;450', 'Holbæk;Kvinder;20 år;2024K1;450'), 'FOLK1A', MUNICIPALITIES);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.problems[0]!.message : '', /Variablen KØN har flere værdier \(Mænd, Kvinder\)/);
});
