/**
 * @module The protected offerings' triggers, pure (no I/O): the occupancy on the 1st of each month from the places
 * and the contracts running that day, and `evaluateTriggers`, which says which of an area's trigger rules fire on the
 * facts of one offering, each with its reason in Danish. Exact decimals throughout.
 */
import { Decimal } from 'decimal.js';
import { formatDate, formatMoney, formatPercent } from '../core/format.js';
import type { NoticeKind, TriggerKind } from './protection.table.js';

export type TriggerRule = {
  id: number;
  kind: TriggerKind;
  /** Occupancy: the share in per cent the occupancy must stay below (strictly) to count. */
  sharePct: string | null;
  /** Occupancy: how many consecutive months below the share make the trigger fire. */
  months: number | null;
  /** Deficit: the amount in kroner the deficit must exceed (strictly). */
  amount: string | null;
};

/** The occupancy measured on `date` (the 1st of a month); null: no figure that month (a gap breaks a run). */
export type MonthOccupancy = { date: string; pct: string | null };
/** A deficit carried into a year's tariff (kroner, positive = underskud) and the accounts year it comes from. */
export type DeficitFact = { tariffYear: number; accountsYear: number | null; deficit: string };
export type NoticeFact = { id: number; kind: NoticeKind; givenOn: string; effectiveOn: string; placesAfter: number | null };
export type TriggerFacts = { today: string; occupancy: readonly MonthOccupancy[]; deficits: readonly DeficitFact[]; notices: readonly NoticeFact[] };
export type Firing = { ruleId: number; kind: TriggerKind; reason: string };

/** The 1st of the month `offset` months from the month of `date` (YYYY-MM-DD). */
export function monthStart(date: string, offset = 0): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + offset;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The 1st of each of the `count` months up to and including the month of `today`, oldest first. */
export const lastMonths = (today: string, count: number): string[] => Array.from({ length: count }, (_, i) => monthStart(today, i - count + 1));

export type OccupancyMonth = { date: string; occupied: number; places: number; pct: string | null };

/** Contracts running on each date (start ≤ date ≤ end, no end: open-ended) against the places; no places: no figure. */
export function monthlyOccupancy(
  places: number,
  contracts: readonly { startDate: string; endDate: string | null }[],
  dates: readonly string[],
): OccupancyMonth[] {
  return dates.map((date) => {
    const occupied = contracts.filter((c) => c.startDate <= date && (c.endDate === null || c.endDate >= date)).length;
    return { date, occupied, places, pct: places > 0 ? new Decimal(occupied).times(100).div(places).toFixed(1) : null };
  });
}

function occupancyFiring(rule: TriggerRule, facts: TriggerFacts): Firing | null {
  if (rule.sharePct === null || rule.months === null) return null;
  const share = new Decimal(rule.sharePct);
  const months = [...facts.occupancy].sort((a, b) => a.date.localeCompare(b.date));
  const run: MonthOccupancy[] = [];
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    const isNext = run.length === 0 || monthStart(run[0]!.date, -1) === m.date;
    if (!isNext || m.pct === null || !new Decimal(m.pct).lessThan(share)) break;
    run.unshift(m);
  }
  if (run.length < rule.months) return null;
  const counted = run.slice(-rule.months);
  const last = counted[counted.length - 1]!;
  return {
    ruleId: rule.id,
    kind: 'belaegning',
    reason: `Belægningen har været under ${formatPercent(rule.sharePct)} i ${rule.months} måneder i træk (målt den 1. i måneden fra ${formatDate(counted[0]!.date)} til ${formatDate(last.date)}; senest ${formatPercent(last.pct)}).`,
  };
}

function deficitFiring(rule: TriggerRule, facts: TriggerFacts): Firing | null {
  if (rule.amount === null || facts.deficits.length === 0) return null;
  const latest = [...facts.deficits].sort((a, b) => b.tariffYear - a.tariffYear)[0]!;
  if (!new Decimal(latest.deficit).greaterThan(rule.amount)) return null;
  const from = latest.accountsYear !== null ? ` fra regnskabsåret ${latest.accountsYear}` : '';
  return {
    ruleId: rule.id,
    kind: 'underskud',
    reason: `Takstgrundlaget for ${latest.tariffYear} indeholder et underskud på ${formatMoney(latest.deficit)}${from}, mere end grænsen på ${formatMoney(rule.amount)}.`,
  };
}

function noticeFiring(rule: TriggerRule, facts: TriggerFacts): Firing | null {
  const pending = facts.notices.filter((n) => n.effectiveOn >= facts.today && n.givenOn <= facts.today);
  if (pending.length === 0) return null;
  const n = [...pending].sort((a, b) => b.givenOn.localeCompare(a.givenOn) || b.id - a.id)[0]!;
  const what = n.kind === 'lukning' ? 'lukning' : `færre pladser (${n.placesAfter ?? 0} pladser)`;
  return { ruleId: rule.id, kind: 'varsel', reason: `Sælger har den ${formatDate(n.givenOn)} varslet ${what} fra ${formatDate(n.effectiveOn)}.` };
}

/** The rules that fire on the facts, in the rules' order, each with its reason in Danish. */
export function evaluateTriggers(rules: readonly TriggerRule[], facts: TriggerFacts): Firing[] {
  const out: Firing[] = [];
  for (const rule of rules) {
    const firing =
      rule.kind === 'belaegning' ? occupancyFiring(rule, facts) : rule.kind === 'underskud' ? deficitFiring(rule, facts) : noticeFiring(rule, facts);
    if (firing) out.push(firing);
  }
  return out;
}
