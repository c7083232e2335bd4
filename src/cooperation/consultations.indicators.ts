/**
 * @module Computed indicators of principle 3's commitments (fælles drøftelse), per member municipality (the
 * operator) and for the area, over the 12 months up to the date, with the rows behind each figure:
 * - the share of closures and re-labellings of residential offerings (those the area's rule in force on the
 *   decision's date covers) that had a finished joint consultation opened before the decision's date (the register's
 *   status date for a closure, the date of the change for a re-labelling);
 * - the share of single-person offerings created that had an inquiry first. The register has no marker of a
 *   single-person offering: an offering created with one place counts as one, and so does an offering that an
 *   inquiry's or proposal's recorded result ("oprettet") links to; it had an inquiry first when such a linked case,
 *   finished, was opened before the offering was created.
 * The decisions and the created offerings come from the register through offerings.public.ts.
 */
import { Decimal } from 'decimal.js';
import { addDays } from '../core/clock.js';
import type { Db } from '../core/db/types.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { type CreatedOfferingRow, type OfferingDecisionRow, offeringDecisions, offeringsCreated } from '../offerings/offerings.public.js';
import { membersOfArea } from '../reference/reference.public.js';
import * as repo from './consultations.repository.js';

const percent = (n: number, d: number): string | null => (d === 0 ? null : new Decimal(n).times(100).dividedBy(d).toFixed(1));

/** The 12 months up to and including the date: from the day after the same date a year before. */
export function periodUpTo(date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate(); // 29 February → 28 February in a common year
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
  return { from: addDays(yearBefore, 1), to: date };
}

type Case = { id: number; status: string; created_on: string };

/** The first finished case opened before the date (strictly), or null. */
export const consultedBefore = <C extends Case>(cases: readonly C[], date: string): C | null =>
  cases.find((c) => c.status === 'afsluttet' && c.created_on < date) ?? null;

type Counted = { organisationId: number; isCounted: boolean };

/** The area's and each member's share from the counted rows (members without rows are left out). */
export function shares(rows: readonly Counted[], members: ReadonlyArray<{ id: number; name: string }>): Pick<IndicatorResult, 'area' | 'perMember'> {
  const n = rows.filter((r) => r.isCounted).length;
  const perMember = members
    .map((m) => {
      const own = rows.filter((r) => r.organisationId === m.id);
      const k = own.filter((r) => r.isCounted).length;
      return { organisationId: m.id, name: m.name, value: percent(k, own.length), numerator: k, denominator: own.length };
    })
    .filter((m) => m.denominator > 0);
  return { area: { value: percent(n, rows.length), numerator: n, denominator: rows.length }, perMember };
}

const DECISION_LABELS: Record<OfferingDecisionRow['kind'], string> = { lukning: 'Lukning', omlaegning: 'Omlægning' };

async function closuresConsulted(db: Db, areaId: number, date: string): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.kind === 'municipality');
  const memberById = new Map(members.map((m) => [m.id, m]));
  const decisions = (await offeringDecisions(db, periodUpTo(date))).filter((d) => memberById.has(d.operator_org_id) && d.is_residential);
  const rules = new Map<string, Awaited<ReturnType<typeof repo.ruleOn>>>();
  for (const d of decisions) if (!rules.has(d.decided_on)) rules.set(d.decided_on, await repo.ruleOn(db, areaId, d.decided_on));
  const inScope = decisions.filter((d) => !rules.get(d.decided_on)?.covered_only || d.is_covered);
  const cases = await repo.casesOfOfferings(db, [...new Set(inScope.map((d) => d.offering_id))]);
  const rows = inScope.map((d) => {
    const found = consultedBefore(
      cases.filter((c) => c.offering_id === d.offering_id && c.kind === d.kind),
      d.decided_on,
    );
    return { d, found, organisationId: d.operator_org_id, isCounted: found !== null };
  });
  return {
    ...shares(rows, members),
    columns: [
      { key: 'id', label: 'Tilbud-ID' },
      { key: 'name', label: 'Tilbud' },
      { key: 'municipality', label: 'Kommune' },
      { key: 'decision', label: 'Beslutning' },
      { key: 'decidedOn', label: 'Beslutningens dato' },
      { key: 'consultationId', label: 'Drøftelse-ID' },
      { key: 'consultationOpened', label: 'Drøftelsen åbnet' },
      { key: 'isConsulted', label: 'Drøftet før beslutningen' },
    ],
    rows: rows.map(({ d, found }) => ({
      id: d.offering_id,
      name: d.offering_name,
      municipality: memberById.get(d.operator_org_id)!.name,
      decision: DECISION_LABELS[d.kind],
      decidedOn: d.decided_on,
      consultationId: found?.id ?? null,
      consultationOpened: found?.created_on ?? null,
      isConsulted: found !== null,
    })),
  };
}

async function singlePersonWithInquiry(db: Db, areaId: number, date: string): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.kind === 'municipality');
  const memberById = new Map(members.map((m) => [m.id, m]));
  const created = (await offeringsCreated(db, periodUpTo(date))).filter((o) => memberById.has(o.operator_org_id));
  const cases = await repo.casesCreatingOfferings(
    db,
    created.map((o) => o.offering_id),
  );
  const counted: Array<{ o: CreatedOfferingRow; found: (typeof cases)[number] | null; isLinked: boolean }> = [];
  for (const o of created) {
    const linked = cases.filter((c) => c.result_offering_id === o.offering_id);
    if (o.places !== 1 && !linked.length) continue;
    counted.push({ o, found: consultedBefore(linked, o.created_on), isLinked: linked.length > 0 });
  }
  const rows = counted.map((r) => ({ ...r, organisationId: r.o.operator_org_id, isCounted: r.found !== null }));
  return {
    ...shares(rows, members),
    columns: [
      { key: 'id', label: 'Tilbud-ID' },
      { key: 'name', label: 'Tilbud' },
      { key: 'municipality', label: 'Kommune' },
      { key: 'places', label: 'Pladser' },
      { key: 'createdOn', label: 'Oprettet i tilbudsregistret' },
      { key: 'consultationId', label: 'Forespørgsel-ID' },
      { key: 'consultationOpened', label: 'Forespørgslen åbnet' },
      { key: 'hasInquiry', label: 'Forespurgt først' },
    ],
    rows: rows.map(({ o, found }) => ({
      id: o.offering_id,
      name: o.offering_name,
      municipality: memberById.get(o.operator_org_id)!.name,
      places: o.places,
      createdOn: o.created_on,
      consultationId: found?.id ?? null,
      consultationOpened: found?.created_on ?? null,
      hasInquiry: found !== null,
    })),
  };
}

export const closuresConsultedShare: IndicatorComputation = {
  code: 'cooperation.closures-consulted',
  name: 'Lukninger og omlægninger drøftet før beslutningen',
  description:
    'Andel af de lukninger og omlægninger (ny tilbudstype, nyt lovgrundlag eller andre målgrupper) af bo- og døgntilbud, som områdets regel om fælles drøftelse omfatter, besluttet i de 12 måneder til og med datoen, hvor en afsluttet fælles drøftelse af netop den lukning eller omlægning blev åbnet før beslutningens dato. Kommunen er den, der driver tilbuddet.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) => closuresConsulted(db, areaId, date),
};

export const singlePersonInquiredShare: IndicatorComputation = {
  code: 'cooperation.single-person-inquired',
  name: 'Enkeltmandstilbud oprettet efter forespørgsel',
  description:
    'Andel af de enkeltmandstilbud, områdets kommuner har oprettet i tilbudsregistret i de 12 måneder til og med datoen, hvor en afsluttet forespørgsel (eller et forslag om fælles etablering) blev åbnet før tilbuddet blev oprettet. Tilbudsregistret har ikke en markering af enkeltmandstilbud: et tilbud med én plads tæller som enkeltmandstilbud, og det gør et tilbud, som en forespørgsels registrerede resultat ("tilbuddet er oprettet") peger på.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) => singlePersonWithInquiry(db, areaId, date),
};

export const consultationIndicators = [closuresConsultedShare, singlePersonInquiredShare];
