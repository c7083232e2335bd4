import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeChanges } from './history.js';

const refs = {
  municipalities: [
    { code: 316, name: 'Holbæk' },
    { code: 370, name: 'Næstved' },
  ],
  operatorTypes: [{ code: 'kommunal', name: 'Kommunal' }],
  legalBases: [
    { code: 'SEL-107', law: 'SEL', paragraph: '§ 107' },
    { code: 'SEL-108', law: 'SEL', paragraph: '§ 108' },
  ],
  allTargetGroups: [
    { code: 'psyk-angst', name: 'Angst' },
    { code: 'soc-misbrug', name: 'Misbrug' },
  ],
  offeringTypes: [{ code: 'botilbud', name: 'Botilbud' }],
  socialtilsyn: [{ code: 'oest', name: 'Socialtilsyn Øst' }],
} as unknown as Parameters<typeof describeChanges>[2];

describe('an offering’s history in words', () => {
  it('lists only the changed fields, in form order, with labels instead of codes', () => {
    const before = {
      name: 'Huset',
      places: 18,
      primaryLegalBasis: 'SEL-107',
      targetGroups: ['psyk-angst'],
      status: 'aktiv',
      statusSince: '2024-09-01',
      municipalityCode: 316,
    };
    const after = {
      name: 'Huset',
      places: 17,
      primaryLegalBasis: 'SEL-108',
      targetGroups: ['psyk-angst', 'soc-misbrug'],
      status: 'under_afvikling',
      statusSince: '2026-12-01',
      municipalityCode: 370,
    };
    assert.deepEqual(describeChanges(before, after, refs), [
      { field: 'municipalityCode', label: 'Beliggenhedskommune', before: 'Holbæk', after: 'Næstved' },
      { field: 'primaryLegalBasis', label: 'Primært lovgrundlag', before: 'SEL § 107', after: 'SEL § 108' },
      { field: 'targetGroups', label: 'Målgrupper', before: 'Angst', after: 'Angst, Misbrug' },
      { field: 'places', label: 'Normerede pladser', before: '18', after: '17' },
      { field: 'status', label: 'Status', before: 'Aktiv', after: 'Under afvikling' },
      { field: 'statusSince', label: 'Status siden', before: '1. september 2024', after: '1. december 2026' },
    ]);
  });

  it('says empty for a removed value, Ja/Nej for yes/no, and adds the reason of a closing', () => {
    assert.deepEqual(
      describeChanges({ contactName: 'Jens', isCovered: true }, { contactName: null, isCovered: false, reason: 'Lukket ved byrådsbeslutning' }, refs),
      [
        { field: 'isCovered', label: 'Omfattet af rammeaftalen', before: 'Ja', after: 'Nej' },
        { field: 'contactName', label: 'Kontaktperson', before: 'Jens', after: '(tom)' },
        { field: 'reason', label: 'Begrundelse', before: '(tom)', after: 'Lukket ved byrådsbeslutning' },
      ],
    );
  });

  it('has nothing to list for a creation (no before)', () => {
    assert.deepEqual(describeChanges(null, { name: 'Nyt' }, refs), []);
  });
});
