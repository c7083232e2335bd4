/**
 * @module The capacity picture as a pure computation over offerings and contracts: per target group and offering
 * type the places, the occupied places (running contracts in Ramme plus the places the operator reports taken by
 * citizens outside Ramme), free places (places − occupied, and the operator's reported figure beside it), the
 * waiting count and occupancy; occupancy on the first of each month; and where the area's municipalities place
 * their citizens (own municipality, another municipality in the area, outside the area).
 */
import type { CapacityContract, CapacityOffering } from '../placements/placements.public.js';
import { Dec } from './decimal.js';

export type CapacityKey = { targetGroup: string | null; offeringType: string };
export type CapacityCell = CapacityKey & {
  offerings: number;
  places: number;
  contracts: number;
  takenOutside: number;
  occupied: number;
  free: number;
  freeReported: number;
  waiting: number;
  /** occupied ÷ places in % (two decimals), null without places. */
  occupancyPct: string | null;
};

export const PLACEMENT_KINDS = ['egen', 'omraadet', 'udenfor'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const PLACEMENT_LABELS: Record<PlacementKind, string> = {
  egen: 'I egen kommune',
  omraadet: 'I en anden kommune i området',
  udenfor: 'Uden for området',
};

/** Is the contract running on the date (start ≤ date ≤ end)? */
export const isRunningOn = (c: Pick<CapacityContract, 'startDate' | 'endDate'>, date: string) =>
  c.startDate <= date && (c.endDate === null || c.endDate >= date);

/** Where a contract's citizen is placed, seen from the buyer. */
export function placementOf(c: Pick<CapacityContract, 'buyerMunicipalityCode' | 'offeringMunicipalityCode'>, areaCodes: ReadonlySet<number>): PlacementKind {
  if (c.buyerMunicipalityCode === c.offeringMunicipalityCode) return 'egen';
  return areaCodes.has(c.offeringMunicipalityCode) ? 'omraadet' : 'udenfor';
}

const pct = (part: number, whole: number) => (whole > 0 ? new Dec(part).times(100).div(whole).toFixed(2) : null);

function cellOf(key: CapacityKey, offerings: readonly CapacityOffering[], runningByOffering: ReadonlyMap<number, number>): CapacityCell {
  let places = 0;
  let contracts = 0;
  let takenOutside = 0;
  let freeReported = 0;
  let waiting = 0;
  for (const o of offerings) {
    places += o.places;
    contracts += runningByOffering.get(o.offeringId) ?? 0;
    takenOutside += o.takenOutside ?? 0;
    freeReported += o.freeReported ?? 0;
    waiting += o.waitingCount ?? 0;
  }
  const occupied = contracts + takenOutside;
  return {
    ...key,
    offerings: offerings.length,
    places,
    contracts,
    takenOutside,
    occupied,
    free: Math.max(0, places - occupied),
    freeReported,
    waiting,
    occupancyPct: pct(occupied, places),
  };
}

const keyOf = (k: CapacityKey) => `${k.targetGroup ?? ''}|${k.offeringType}`;

/** The first day of each of the `months` months up to and including today's month, oldest first. */
export function monthStarts(today: string, months: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: months }, (_, i) => {
    const k = y * 12 + (m - 1) - (months - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
  });
}

export function capacityPicture(p: {
  offerings: readonly CapacityOffering[];
  contracts: readonly CapacityContract[];
  areaCodes: readonly number[];
  today: string;
  months: number;
}) {
  const areaCodes = new Set(p.areaCodes);
  const inArea = p.offerings.filter((o) => areaCodes.has(o.municipalityCode));
  const inAreaIds = new Set(inArea.map((o) => o.offeringId));
  const running = p.contracts.filter((c) => isRunningOn(c, p.today));
  const runningByOffering = new Map<number, number>();
  for (const c of running) if (inAreaIds.has(c.offeringId)) runningByOffering.set(c.offeringId, (runningByOffering.get(c.offeringId) ?? 0) + 1);

  const groups = new Map<string, { key: CapacityKey; offerings: CapacityOffering[] }>();
  for (const o of inArea) {
    const key = { targetGroup: o.targetGroup, offeringType: o.offeringType };
    const g = groups.get(keyOf(key)) ?? { key, offerings: [] };
    g.offerings.push(o);
    groups.set(keyOf(key), g);
  }
  const cells = [...groups.values()]
    .map((g) => cellOf(g.key, g.offerings, runningByOffering))
    .sort((a, b) => (a.targetGroup ?? '~').localeCompare(b.targetGroup ?? '~') || a.offeringType.localeCompare(b.offeringType));
  const total = cellOf({ targetGroup: null, offeringType: '' }, inArea, runningByOffering);

  // Occupancy on the first of each month: running contracts in Ramme (today's reported outside places are not history).
  const places = total.places;
  const occupancy = monthStarts(p.today, p.months).map((date) => {
    const contracts = p.contracts.filter((c) => inAreaIds.has(c.offeringId) && isRunningOn(c, date)).length;
    return { date, contracts, places, occupancyPct: pct(contracts, places) };
  });

  // Where the area's municipalities place their citizens, per buyer municipality.
  const byBuyer = new Map<number, { buyerMunicipalityCode: number; buyerName: string; counts: Record<PlacementKind, number> }>();
  for (const c of running) {
    if (c.buyerMunicipalityCode === null || !areaCodes.has(c.buyerMunicipalityCode)) continue;
    const b = byBuyer.get(c.buyerMunicipalityCode) ?? {
      buyerMunicipalityCode: c.buyerMunicipalityCode,
      buyerName: c.buyerName,
      counts: { egen: 0, omraadet: 0, udenfor: 0 },
    };
    b.counts[placementOf(c, areaCodes)]++;
    byBuyer.set(c.buyerMunicipalityCode, b);
  }
  const placements = [...byBuyer.values()].sort((a, b) => a.buyerName.localeCompare(b.buyerName, 'da'));
  const placementTotal: Record<PlacementKind, number> = { egen: 0, omraadet: 0, udenfor: 0 };
  for (const b of placements) for (const k of PLACEMENT_KINDS) placementTotal[k] += b.counts[k];
  // Citizens from outside the area in the area's offerings.
  const fromOutside = running.filter(
    (c) => inAreaIds.has(c.offeringId) && (c.buyerMunicipalityCode === null || !areaCodes.has(c.buyerMunicipalityCode)),
  ).length;
  return { cells, total, occupancy, placements, placementTotal, fromOutside };
}
export type CapacityPicture = ReturnType<typeof capacityPicture>;
