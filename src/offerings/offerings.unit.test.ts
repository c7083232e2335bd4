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
    'Driftsform (kode)': 'kommunal',
    Adresse: 'Vej 1',
    Postnummer: '4300',
    By: 'Holbæk',
    Kommunekode: '316',
    'Tilbudstype (kode)': 'botilbud',
    'Primært lovgrundlag (kode)': 'SEL-108',
    'Øvrige lovgrundlag (koder)': 'SEL-85, SEL-104',
    'Målgrupper (koder)': 'kog-autisme',
    'Normerede pladser': '12',
    'Alder fra': '18',
    'Alder til': '99',
    'Status siden': '01-02-2026',
    'Socialtilsyn (kode)': 'oest',
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
  it('reads the code columns and ignores the label columns next to them', () => {
    const { rows, problems } = rowsToImport([header, row({ ...good, Driftsform: 'Kommunal', Tilbudstype: 'Botilbud', Målgrupper: 'Autismespektrum' })]);
    assert.deepEqual(problems, []);
    assert.equal(rows[0]!.data.operatorType, 'kommunal');
    assert.equal(rows[0]!.data.offeringType, 'botilbud');
    assert.deepEqual(rows[0]!.data.targetGroups, ['kog-autisme']);
  });
  it('still reads a file from before the labels: codes under the plain headers, no "(kode)" columns', () => {
    const old = [
      'Navn',
      'Driftsform',
      'Adresse',
      'Postnummer',
      'By',
      'Kommunekode',
      'Tilbudstype',
      'Primært lovgrundlag',
      'Målgrupper',
      'Normerede pladser',
      'Alder fra',
      'Alder til',
      'Status siden',
      'Socialtilsyn',
      'Status',
    ];
    const values = [
      'Huset',
      'privat',
      'Vej 2',
      '4300',
      'Holbæk',
      '316',
      'botilbud',
      'SEL-107',
      'psyk-angst,soc-misbrug',
      '5',
      '18',
      '30',
      '2026-01-01',
      'oest',
      'aktiv',
    ];
    const { rows, problems } = rowsToImport([old, values]);
    assert.deepEqual(problems, []);
    assert.equal(rows[0]!.data.operatorType, 'privat');
    assert.equal(rows[0]!.data.primaryLegalBasis, 'SEL-107');
    assert.deepEqual(rows[0]!.data.targetGroups, ['psyk-angst', 'soc-misbrug']);
    assert.equal(rows[0]!.data.socialtilsynCode, 'oest');
    assert.equal(rows[0]!.data.status, 'aktiv');
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
