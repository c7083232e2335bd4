/**
 * @module Searching, filtering and sorting the tariff overview as a case worker uses a price list: by name,
 * municipality, legal basis, target group and offering type, sorted by name or price, grouped by municipality.
 * Pure: the rows in, the rows to show and the choices the filters offer out.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { OverviewRow } from './overview.model.js';

export const OVERVIEW_SORTS = { navn: 'Navn (A–Å)', 'pris-stigende': 'Takst, laveste først', 'pris-faldende': 'Takst, højeste først' } as const;
export type OverviewSort = keyof typeof OVERVIEW_SORTS;

const text = z.string().trim().max(100).optional().catch(undefined);
/** The overview's query string; anything unknown or malformed is ignored (a filter is never an error page). */
export const ZOverviewQuery = z.object({
  q: text,
  kommune: text,
  lovgrundlag: text,
  maalgruppe: text,
  tilbudstype: text,
  sortering: z
    .enum(Object.keys(OVERVIEW_SORTS) as [OverviewSort, ...OverviewSort[]])
    .optional()
    .catch(undefined),
});
export type OverviewQuery = z.infer<typeof ZOverviewQuery>;

const fold = (s: string) => s.toLocaleLowerCase('da-DK').normalize('NFC');
const targetGroupsOf = (r: OverviewRow) =>
  (r.target_groups ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The distinct values the filters offer, sorted the Danish way. */
export function overviewChoices(rows: OverviewRow[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'da-DK'));
  return {
    municipalities: sorted(rows.map((r) => r.municipality_name)),
    legalBases: sorted(rows.map((r) => r.legal_basis)),
    targetGroups: sorted(rows.flatMap(targetGroupsOf)),
    offeringTypes: sorted(rows.map((r) => r.offering_type_name)),
  };
}

/** Whether any filter or search is in use. */
export const isFiltered = (q: OverviewQuery) => !!(q.q || q.kommune || q.lovgrundlag || q.maalgruppe || q.tilbudstype);

/** The rows that match the search and filters, sorted within each municipality (the grouping is by municipality name). */
export function filterOverview(rows: OverviewRow[], q: OverviewQuery): OverviewRow[] {
  const needle = q.q ? fold(q.q) : null;
  const matches = (r: OverviewRow) =>
    (!needle || fold(`${r.offering_name} ${r.operator_name}`).includes(needle)) &&
    (!q.kommune || r.municipality_name === q.kommune) &&
    (!q.lovgrundlag || r.legal_basis === q.lovgrundlag) &&
    (!q.maalgruppe || targetGroupsOf(r).includes(q.maalgruppe)) &&
    (!q.tilbudstype || r.offering_type_name === q.tilbudstype);
  const out = rows.filter(matches);
  const byName = (a: OverviewRow, b: OverviewRow) => a.offering_name.localeCompare(b.offering_name, 'da-DK') || a.offering_id - b.offering_id;
  const sign = q.sortering === 'pris-faldende' ? -1 : 1;
  const byPrice = (a: OverviewRow, b: OverviewRow) => sign * new Decimal(a.average_tariff).comparedTo(b.average_tariff) || byName(a, b);
  const within = q.sortering && q.sortering !== 'navn' ? byPrice : byName;
  return out.sort((a, b) => a.municipality_name.localeCompare(b.municipality_name, 'da-DK') || within(a, b));
}
