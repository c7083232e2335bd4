import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OverviewRow } from './overview.model.js';
import { filterOverview, overviewChoices, ZOverviewQuery } from './overview.filter.js';

const row = (id: number, name: string, municipality: string, tariff: string, extra: Partial<OverviewRow> = {}): OverviewRow =>
  ({
    version_id: id,
    offering_id: id,
    offering_name: name,
    municipality_name: municipality,
    operator_name: 'Driftsherre',
    legal_basis: 'SEL § 108',
    target_groups: 'Udviklingshæmning, Autisme',
    offering_type_name: 'Botilbud',
    average_tariff: tariff,
    ...extra,
  }) as OverviewRow;

const rows = [
  row(1, 'Åbrinken', 'Holbæk', '1200.00'),
  row(2, 'Ankerhuset', 'Holbæk', '950.50', { legal_basis: 'SEL § 107', target_groups: 'Hjemløshed' }),
  row(3, 'Bofællesskabet Egely', 'Køge', '10000.00', { offering_type_name: 'Døgntilbud' }),
  row(4, 'Ankerhuset Syd', 'Køge', '999.99'),
];
const names = (q: Record<string, string>) => filterOverview(rows, ZOverviewQuery.parse(q)).map((r) => r.offering_name);

test('without filters every row shows, grouped by municipality and by name the Danish way (Å last)', () => {
  assert.deepEqual(names({}), ['Ankerhuset', 'Åbrinken', 'Ankerhuset Syd', 'Bofællesskabet Egely']);
});

test('the search finds a name regardless of case, and the filters narrow by municipality, legal basis, target group and type', () => {
  assert.deepEqual(names({ q: 'ankerhuset' }), ['Ankerhuset', 'Ankerhuset Syd']);
  assert.deepEqual(names({ q: 'ANKER', kommune: 'Køge' }), ['Ankerhuset Syd']);
  assert.deepEqual(names({ lovgrundlag: 'SEL § 107' }), ['Ankerhuset']);
  assert.deepEqual(names({ maalgruppe: 'Autisme' }), ['Åbrinken', 'Ankerhuset Syd', 'Bofællesskabet Egely']);
  assert.deepEqual(names({ tilbudstype: 'Døgntilbud' }), ['Bofællesskabet Egely']);
});

test('sorting by price compares exact amounts (10.000 after 999,99), inside each municipality', () => {
  assert.deepEqual(names({ sortering: 'pris-stigende' }), ['Ankerhuset', 'Åbrinken', 'Ankerhuset Syd', 'Bofællesskabet Egely']);
  assert.deepEqual(names({ sortering: 'pris-faldende' }), ['Åbrinken', 'Ankerhuset', 'Bofællesskabet Egely', 'Ankerhuset Syd']);
});

test('an unknown sort or an overlong search is ignored, never an error', () => {
  const q = ZOverviewQuery.parse({ sortering: 'drop table', q: 'x'.repeat(500) });
  assert.equal(q.sortering, undefined);
  assert.equal(q.q, undefined);
});

test('the filters offer each distinct value once, target groups split', () => {
  const c = overviewChoices(rows);
  assert.deepEqual(c.municipalities, ['Holbæk', 'Køge']);
  assert.deepEqual(c.targetGroups, ['Autisme', 'Hjemløshed', 'Udviklingshæmning']);
});
