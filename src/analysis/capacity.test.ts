/**
 * The capacity picture as a pure computation, by hand: occupied = running contracts + places taken outside Ramme,
 * free never below zero, occupancy per month from the contracts running on the 1st, and placements seen from the
 * buyer (own municipality, elsewhere in the area, outside it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CapacityContract, CapacityOffering } from '../placements/placements.public.js';
import { capacityPicture, monthStarts, placementOf } from './capacity.js';

const offering = (id: number, municipalityCode: number, places: number, extra: Partial<CapacityOffering> = {}): CapacityOffering => ({
  offeringId: id,
  name: `Tilbud ${id}`,
  operatorName: 'Kommune',
  municipalityCode,
  municipalityName: String(municipalityCode),
  offeringType: 'botilbud',
  offeringTypeName: 'Botilbud',
  legalBasis: 'SEL-108',
  targetGroup: 'kog',
  places,
  status: 'aktiv',
  freeReported: 1,
  waitingCount: 2,
  takenOutside: 1,
  reportConfirmedAt: null,
  ...extra,
});
const contract = (
  id: number,
  offeringId: number,
  offeringCode: number,
  buyerCode: number | null,
  startDate: string,
  endDate: string | null,
): CapacityContract => ({
  contractId: id,
  offeringId,
  offeringName: `Tilbud ${offeringId}`,
  offeringMunicipalityCode: offeringCode,
  offeringType: 'botilbud',
  legalBasis: 'SEL-108',
  buyerOrgId: buyerCode ?? 0,
  buyerName: `Kommune ${buyerCode}`,
  buyerMunicipalityCode: buyerCode,
  startDate,
  endDate,
});

test('month starts run back from today’s month across a new year', () => {
  assert.deepEqual(monthStarts('2026-02-15', 4), ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
});

test('placement is seen from the buyer: own municipality, elsewhere in the area, outside the area', () => {
  const area = new Set([316, 326]);
  assert.equal(placementOf({ buyerMunicipalityCode: 316, offeringMunicipalityCode: 316 }, area), 'egen');
  assert.equal(placementOf({ buyerMunicipalityCode: 316, offeringMunicipalityCode: 326 }, area), 'omraadet');
  assert.equal(placementOf({ buyerMunicipalityCode: 316, offeringMunicipalityCode: 101 }, area), 'udenfor');
});

test('two offerings of one group: 10 + 4 places, 3 running contracts and 2 taken outside Ramme → 5 occupied, 9 free, 35.71 %', () => {
  const offerings = [offering(1, 316, 10), offering(2, 326, 4, { takenOutside: 1, freeReported: 0, waitingCount: 0 }), offering(3, 101, 50)];
  const contracts = [
    contract(1, 1, 316, 316, '2025-01-10', null), // own municipality
    contract(2, 1, 316, 326, '2026-01-20', '2026-12-31'), // elsewhere in the area, from 20 January
    contract(3, 2, 326, 101, '2024-05-01', null), // a buyer from outside the area
    contract(4, 3, 101, 316, '2025-06-01', null), // placed outside the area
    contract(5, 1, 316, 316, '2025-01-01', '2026-01-31'), // ended
  ];
  const p = capacityPicture({ offerings, contracts, areaCodes: [316, 326], today: '2026-02-15', months: 2 });
  assert.equal(p.cells.length, 1);
  assert.deepEqual(
    { places: p.total.places, contracts: p.total.contracts, occupied: p.total.occupied, free: p.total.free, waiting: p.total.waiting },
    { places: 14, contracts: 3, occupied: 5, free: 9, waiting: 2 },
  );
  assert.equal(p.total.occupancyPct, '35.71');
  // 1 January: contracts 1, 3 and 5; 1 February: 1, 2 and 3 (5 ended on 31 January).
  assert.deepEqual(
    p.occupancy.map((o) => [o.date, o.contracts]),
    [
      ['2026-01-01', 3],
      ['2026-02-01', 3],
    ],
  );
  const byBuyer = Object.fromEntries(p.placements.map((b) => [b.buyerMunicipalityCode, b.counts]));
  assert.deepEqual(byBuyer[316], { egen: 1, omraadet: 0, udenfor: 1 });
  assert.deepEqual(byBuyer[326], { egen: 0, omraadet: 1, udenfor: 0 });
  assert.equal(p.fromOutside, 1);
});
