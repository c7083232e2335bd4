/**
 * @module The area's capacity picture for the secretariat and the steering group: places, occupied and free places
 * per target group and offering type, occupancy over the last months, where the area's municipalities place their
 * citizens, waiting counts; and the rows behind every number. Read from placements through its public module.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { contractsForCapacity, offeringsForCapacity } from '../placements/placements.public.js';
import { municipalityCodesOfArea, referenceTables } from '../reference/reference.public.js';
import { ZCapacityQuery, ZCapacityRowsQuery } from './capacity.schema.js';
import { capacityPicture, isRunningOn, monthStarts, placementOf, PLACEMENT_LABELS } from './capacity.js';
import './analysis.policy.js';

export const CAPACITY_MONTHS = 24;
const NO_GROUP = 'ingen';

/** The area asked for, else the actor's own, else Sjælland; with its member municipalities today. */
export async function capacityArea(ctx: Ctx, code: string | undefined) {
  const ref = await referenceTables(ctx.db);
  const today = ctx.clock.today();
  const areas = ref.areas.filter((a) => a.valid_from <= today && (a.valid_to === null || a.valid_to >= today));
  const area = code
    ? areas.find((a) => a.code === code)
    : (areas.find((a) => ctx.actor?.areaIds.includes(a.id)) ?? areas.find((a) => a.code === 'sjaelland') ?? areas[0]);
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  const codes = await municipalityCodesOfArea(ctx.db, { id: area.id }, today);
  const groupName = new Map(ref.targetGroups.map((g) => [g.code, g.name]));
  const typeName = new Map(ref.offeringTypes.map((t) => [t.code, t.name]));
  return {
    area: { id: area.id, code: area.code, name: area.name },
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
    codes,
    today,
    groupLabel: (c: string | null) => (c === null ? 'Uden målgruppe' : (groupName.get(c) ?? c)),
    typeLabel: (c: string) => typeName.get(c) ?? c,
  };
}

async function load(ctx: Ctx, areaCode: string | undefined, months: number) {
  const a = await capacityArea(ctx, areaCode);
  requireAccess(ctx, 'analysis.capacity', { areaId: a.area.id, areaName: a.area.name });
  const from = monthStarts(a.today, months)[0]!;
  const [offerings, contracts] = await Promise.all([
    offeringsForCapacity(ctx.db, a.codes),
    contractsForCapacity(ctx.db, { from, to: a.today }, { offeringCodes: a.codes, buyerCodes: a.codes }),
  ]);
  return { ...a, offerings, contracts };
}

export async function capacityView(ctx: Ctx, query: unknown) {
  const q = parseInput(ZCapacityQuery, query ?? {});
  const a = await load(ctx, q.area, CAPACITY_MONTHS);
  const picture = capacityPicture({ offerings: a.offerings, contracts: a.contracts, areaCodes: a.codes, today: a.today, months: CAPACITY_MONTHS });
  return {
    area: a.area,
    areas: a.areas,
    today: a.today,
    cells: picture.cells.map((c) => ({ ...c, targetGroupName: a.groupLabel(c.targetGroup), offeringTypeName: a.typeLabel(c.offeringType) })),
    total: picture.total,
    occupancy: picture.occupancy,
    placements: picture.placements,
    placementTotal: picture.placementTotal,
    fromOutside: picture.fromOutside,
    reportsConfirmedSince: a.offerings.reduce<Date | null>(
      (min, o) => (o.reportConfirmedAt && (!min || o.reportConfirmedAt < min) ? o.reportConfirmedAt : min),
      null,
    ),
    staleReports: a.offerings.filter((o) => o.reportConfirmedAt === null || addDays(a.today, -30) > o.reportConfirmedAt.toISOString().slice(0, 10)).length,
  };
}
export type CapacityView = Awaited<ReturnType<typeof capacityView>>;

/** The rows behind one number of the picture: the offerings or the running contracts it counts. */
export async function capacityRows(ctx: Ctx, query: unknown) {
  const q = parseInput(ZCapacityRowsQuery, query ?? {});
  const a = await load(ctx, q.area, CAPACITY_MONTHS);
  const date = q.date ?? a.today;
  const areaCodes = new Set(a.codes);
  const matchesGroup = (g: string | null) => q.targetGroup === undefined || (q.targetGroup === NO_GROUP ? g === null : g === q.targetGroup);
  const matchesType = (t: string) => q.offeringType === undefined || t === q.offeringType;
  const offerings = a.offerings.filter((o) => matchesGroup(o.targetGroup) && matchesType(o.offeringType));
  const ids = new Set(offerings.map((o) => o.offeringId));
  const groupOf = new Map(a.offerings.map((o) => [o.offeringId, o.targetGroup]));
  const contracts = a.contracts.filter((c) => {
    if (!isRunningOn(c, date)) return false;
    if (q.buyer !== undefined || q.placement !== undefined) {
      if (q.buyer !== undefined && c.buyerMunicipalityCode !== q.buyer) return false;
      if (c.buyerMunicipalityCode === null || !areaCodes.has(c.buyerMunicipalityCode)) return false;
      return q.placement === undefined || placementOf(c, areaCodes) === q.placement;
    }
    if (q.from === 'udenfor') return ids.has(c.offeringId) && (c.buyerMunicipalityCode === null || !areaCodes.has(c.buyerMunicipalityCode));
    return ids.has(c.offeringId);
  });
  const filters = [
    q.targetGroup !== undefined ? `målgruppe: ${a.groupLabel(q.targetGroup === NO_GROUP ? null : q.targetGroup)}` : null,
    q.offeringType !== undefined ? `tilbudstype: ${a.typeLabel(q.offeringType)}` : null,
    q.buyer !== undefined ? `købende kommune: ${contracts[0]?.buyerName ?? q.buyer}` : null,
    q.placement !== undefined ? `placering: ${PLACEMENT_LABELS[q.placement].toLowerCase()}` : null,
    q.from === 'udenfor' ? 'borgere fra kommuner uden for området' : null,
  ].filter((x): x is string => x !== null);
  return {
    area: a.area,
    kind: q.kind,
    date,
    filters,
    query: q,
    offerings: offerings.map((o) => ({ ...o, targetGroupName: a.groupLabel(o.targetGroup), offeringTypeName: a.typeLabel(o.offeringType) })),
    contracts: contracts.map((c) => ({
      ...c,
      targetGroupName: groupOf.has(c.offeringId) ? a.groupLabel(groupOf.get(c.offeringId)!) : '–',
      offeringTypeName: a.typeLabel(c.offeringType),
      placement:
        c.buyerMunicipalityCode !== null && areaCodes.has(c.buyerMunicipalityCode) ? PLACEMENT_LABELS[placementOf(c, areaCodes)] : 'Køber uden for området',
    })),
  };
}
export type CapacityRowsView = Awaited<ReturnType<typeof capacityRows>>;
