/**
 * The reference data as shipped: 98 municipalities in five regions, the 2027 merger, dated legal bases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LEGAL_BASES, REGIONS, readMunicipalities } from './reference.data.js';

describe('reference data', () => {
  it('has the 98 municipalities with 29/17/22/19/11 per region', () => {
    const m = readMunicipalities();
    assert.equal(m.length, 98);
    const count = (r: string) => m.filter((x) => x.regionId === r).length;
    assert.deepEqual([count('hovedstaden'), count('sjaelland'), count('syddanmark'), count('midtjylland'), count('nordjylland')], [29, 17, 22, 19, 11]);
  });
  it('says that Hovedstaden and Sjælland merge into Region Østdanmark on 1 January 2027', () => {
    const h = REGIONS.find((r) => r.id === 'hovedstaden')!;
    const o = REGIONS.find((r) => r.id === 'oestdanmark')!;
    assert.equal(h.validTo, '2026-12-31');
    assert.equal(h.successorId, 'oestdanmark');
    assert.equal(o.validFrom, '2027-01-01');
  });
  it('keeps legal bases dated: SEL § 66 ended when barnets lov began', () => {
    assert.equal(LEGAL_BASES.find((l) => l.code === 'SEL-66')!.validTo, '2023-12-31');
    assert.equal(LEGAL_BASES.find((l) => l.code === 'BL-43-6')!.validFrom, '2024-01-01');
  });
});
