/**
 * @module The capacity tables as Excel sheets: the same rows the page shows, counts as numbers, occupancy in %.
 */
import type { SheetSpec } from '../core/tabular/xlsx.js';
import { PLACEMENT_KINDS, PLACEMENT_LABELS } from './capacity.js';
import type { CompiledAssessmentsView } from './assessment.service.js';
import type { CapacityRowsView, CapacityView } from './capacity.service.js';

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

export function capacitySheet(v: CapacityView, table: 'kapacitet' | 'belaegning' | 'placering'): SheetSpec {
  if (table === 'belaegning')
    return {
      name: 'Belægning',
      columns: [{ header: 'Dato', width: 12 }, { header: 'Kontrakter i Ramme' }, { header: 'Pladser' }, { header: 'Belægning (%)', numFmt: '0.00' }],
      rows: v.occupancy.map((o) => [o.date, o.contracts, o.places, num(o.occupancyPct)]),
    };
  if (table === 'placering')
    return {
      name: 'Placering',
      columns: [{ header: 'Købende kommune', width: 24 }, { header: 'Kommunekode' }, ...PLACEMENT_KINDS.map((k) => ({ header: PLACEMENT_LABELS[k] }))],
      rows: [
        ...v.placements.map((b) => [b.buyerName, b.buyerMunicipalityCode, ...PLACEMENT_KINDS.map((k) => b.counts[k])]),
        ['I alt', null, ...PLACEMENT_KINDS.map((k) => v.placementTotal[k])],
      ],
    };
  const t = v.total;
  return {
    name: 'Kapacitet',
    columns: [
      { header: 'Målgruppe', width: 30 },
      { header: 'Tilbudstype', width: 22 },
      { header: 'Tilbud' },
      { header: 'Pladser' },
      { header: 'Kontrakter i Ramme' },
      { header: 'Optaget uden for Ramme' },
      { header: 'Ledige (beregnet)' },
      { header: 'Ledige (indberettet)' },
      { header: 'Venteliste' },
      { header: 'Belægning (%)', numFmt: '0.00' },
    ],
    rows: [
      ...v.cells.map((c) => [
        c.targetGroupName,
        c.offeringTypeName,
        c.offerings,
        c.places,
        c.contracts,
        c.takenOutside,
        c.free,
        c.freeReported,
        c.waiting,
        num(c.occupancyPct),
      ]),
      ['I alt', null, t.offerings, t.places, t.contracts, t.takenOutside, t.free, t.freeReported, t.waiting, num(t.occupancyPct)],
    ],
  };
}

export function capacityRowsSheet(v: CapacityRowsView): SheetSpec {
  if (v.kind === 'tilbud')
    return {
      name: 'Tilbud',
      columns: [
        { header: 'Tilbud', width: 30 },
        { header: 'Tilbud-id' },
        { header: 'Leverandør', width: 24 },
        { header: 'Kommune' },
        { header: 'Målgruppe', width: 24 },
        { header: 'Tilbudstype' },
        { header: 'Pladser' },
        { header: 'Ledige (indberettet)' },
        { header: 'Optaget uden for Ramme' },
        { header: 'Venteliste' },
      ],
      rows: v.offerings.map((o) => [
        o.name,
        o.offeringId,
        o.operatorName,
        o.municipalityName,
        o.targetGroupName,
        o.offeringTypeName,
        o.places,
        o.freeReported,
        o.takenOutside,
        o.waitingCount,
      ]),
    };
  return {
    name: 'Kontrakter',
    columns: [
      { header: 'Kontrakt-id' },
      { header: 'Tilbud', width: 30 },
      { header: 'Købende kommune', width: 20 },
      { header: 'Placering', width: 24 },
      { header: 'Målgruppe', width: 24 },
      { header: 'Tilbudstype' },
      { header: 'Start', width: 12 },
      { header: 'Slut', width: 12 },
    ],
    rows: v.contracts.map((c) => [c.contractId, c.offeringName, c.buyerName, c.placement, c.targetGroupName, c.offeringTypeName, c.startDate, c.endDate]),
  };
}

export function assessmentSheet(v: CompiledAssessmentsView): SheetSpec {
  return {
    name: `Redegørelser ${v.year}`,
    columns: [{ header: 'Kommune', width: 22 }, { header: 'Målgruppe', width: 40 }, { header: 'Vurdering (1-5)' }, { header: 'Bemærkning', width: 60 }],
    rows: v.municipalities.flatMap((m) =>
      v.groups.map((g) => {
        const a = m.answers.find((x) => x.group === g.code);
        return [m.name, g.name, a?.score ?? null, a?.comment ?? (a ? null : 'Ikke besvaret')];
      }),
    ),
  };
}
