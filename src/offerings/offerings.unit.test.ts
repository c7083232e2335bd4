/**
 * Unit tests for the offerings register's pure parts: free-text terms and the import table mapping.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPrefixQuery } from './offerings.repository.js';
import { exportHeader, rowsToImport } from './offerings.tabular.js';

describe('free-text search terms', () => {
  it('turns words into Danish prefix terms and drops punctuation that could break the query', () => {
    assert.equal(toPrefixQuery('Børn & unge!'), 'børn:* & unge:*');
    assert.equal(toPrefixQuery("'); drop table offering; --"), 'drop:* & table:* & offering:*');
    assert.equal(toPrefixQuery('   '), null);
  });
});

describe('import table', () => {
  const header = exportHeader();
  const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '');
  const good = {
    Navn: 'Bostedet Æblehaven',
    Driftsform: 'kommunal',
    Adresse: 'Vej 1',
    Postnummer: '4300',
    By: 'Holbæk',
    Kommunekode: '316',
    Tilbudstype: 'botilbud',
    'Primært lovgrundlag': 'SEL-108',
    'Øvrige lovgrundlag': 'SEL-85, SEL-104',
    Målgrupper: 'kog-autisme',
    'Normerede pladser': '12',
    'Alder fra': '18',
    'Alder til': '99',
    'Status siden': '01-02-2026',
    Socialtilsyn: 'oest',
    'Omfattet af rammeaftalen': 'ja',
  };
  it('converts cells to typed input: numbers, lists, Danish dates and yes/no', () => {
    const { rows, problems } = rowsToImport([header, row(good)]);
    assert.deepEqual(problems, []);
    assert.equal(rows[0]!.line, 2);
    assert.equal(rows[0]!.id, null);
    assert.deepEqual(rows[0]!.data.extraLegalBases, ['SEL-85', 'SEL-104']);
    assert.equal(rows[0]!.data.places, 12);
    assert.equal(rows[0]!.data.statusSince, '2026-02-01');
    assert.equal(rows[0]!.data.isCovered, true);
  });
  it('reports a missing required column before reading rows', () => {
    const { problems } = rowsToImport([header.filter((h) => h !== 'Navn'), ['x']]);
    assert.deepEqual(problems, [{ line: 1, field: 'Navn', message: 'Kolonnen "Navn" mangler.' }]);
  });
  it('passes non-numbers on as text so validation can name them, and flags a bad ID', () => {
    const { rows, problems } = rowsToImport([header, row({ ...good, ID: 'abc', 'Normerede pladser': 'tolv' })]);
    assert.equal(rows[0]!.data.places, 'tolv');
    assert.deepEqual(problems, [{ line: 2, field: 'ID', message: 'ID skal være et heltal eller tomt (tomt = nyt tilbud).' }]);
  });
});
