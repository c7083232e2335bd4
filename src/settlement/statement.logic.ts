/**
 * @module Pure rules of the monthly statements: pricing a contract period from the published tariff of the month's
 * year and the contract's level (a missing price is a problem line, never a guess), the statement's life cycle,
 * and the claim limit (claims older than the limit at sending are marked).
 */
import { lineAmount, monthBounds, periodInMonth, type SettlementUnit, SETTLEMENT_UNITS } from './calculation.js';
import type { StatementStatus } from './settlement.table.js';

/** The published tariff of one offering and year, as settlement uses it. */
export type PriceList = { versionId: number; unit: string; averageTariff: string; levels: readonly { name: string; tariff: string }[] };

export type PricedPeriod = {
  contractId: number;
  offeringId: number;
  sellerOrgId: number;
  buyerOrgId: number;
  caseReference: string;
  from: string;
  to: string | null;
  level: string | null;
};

export type StatementLineDraft = {
  sellerOrgId: number;
  buyerOrgId: number;
  contractId: number;
  offeringId: number;
  caseReference: string;
  periodFrom: string;
  periodTo: string;
  days: number;
  unit: SettlementUnit | null;
  unitPrice: string | null;
  amount: string | null;
  tariffVersionId: number | null;
  tariffLevel: string | null;
  problem: string | null;
};

const isUnit = (u: string): u is SettlementUnit => (SETTLEMENT_UNITS as readonly string[]).includes(u);

/** The price of a contract's level in a tariff, or why there is none. */
export function priceOf(tariff: PriceList | undefined, level: string | null, year: number): { price: string; level: string | null } | { problem: string } {
  if (!tariff) return { problem: `Ingen offentliggjort takst for ${year} i takstoversigten.` };
  if (level !== null) {
    const l = tariff.levels.find((x) => x.name === level);
    return l ? { price: l.tariff, level: l.name } : { problem: `Niveauet "${level}" findes ikke i den offentliggjorte takst for ${year}.` };
  }
  if (tariff.levels.length === 0) return { price: tariff.averageTariff, level: null };
  if (tariff.levels.length === 1) return { price: tariff.levels[0]!.tariff, level: tariff.levels[0]!.name };
  return { problem: `Kontrakten angiver intet niveau, og taksten for ${year} har ${tariff.levels.length} niveauer.` };
}

/**
 * One line per contract period that meets the month, priced from the month's year's published tariff. Hour prices
 * need the hours delivered, which contracts do not report yet: such lines are problems with the unit price shown.
 */
export function priceMonth(month: string, periods: readonly PricedPeriod[], tariffs: ReadonlyMap<number, PriceList>): StatementLineDraft[] {
  const year = Number(month.slice(0, 4));
  const out: StatementLineDraft[] = [];
  for (const p of periods) {
    const within = periodInMonth(month, p.from, p.to);
    if (!within) continue;
    const tariff = tariffs.get(p.offeringId);
    const base = {
      sellerOrgId: p.sellerOrgId,
      buyerOrgId: p.buyerOrgId,
      contractId: p.contractId,
      offeringId: p.offeringId,
      caseReference: p.caseReference,
      periodFrom: within.from,
      periodTo: within.to,
      days: within.days,
      tariffVersionId: tariff?.versionId ?? null,
    };
    const price = priceOf(tariff, p.level, year);
    const unit = tariff && isUnit(tariff.unit) ? tariff.unit : null;
    if ('problem' in price) {
      out.push({ ...base, unit, unitPrice: null, amount: null, tariffLevel: p.level, problem: price.problem });
    } else if (unit === null) {
      out.push({ ...base, unit, unitPrice: price.price, amount: null, tariffLevel: price.level, problem: `Ukendt takstenhed "${tariff!.unit}".` });
    } else if (unit === 'hour') {
      out.push({
        ...base,
        unit,
        unitPrice: price.price,
        amount: null,
        tariffLevel: price.level,
        problem: 'Timetakst: de leverede timer for måneden er ikke indberettet.',
      });
    } else {
      const r = lineAmount(month, { unit, price: price.price, from: within.from, to: within.to });
      out.push({ ...base, unit, unitPrice: price.price, amount: r.amount, tariffLevel: price.level, problem: null });
    }
  }
  return out;
}

/** The first day of the month, as stored ('YYYY-MM' → 'YYYY-MM-01'). */
export const monthStart = (month: string): string => monthBounds(month).first;

/** 'YYYY-MM-DD' minus whole months (clamped to the month's last day: 31 March − 1 month = 28/29 February). */
export function minusMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  const last = monthBounds(month).last;
  const day = `${month}-${date.slice(8, 10)}`;
  return day > last ? last : day;
}

/** A claim is old when the first day it covers lies more than the limit before the day it is sent. */
export const isOldClaim = (periodFrom: string, sentOn: string, limitMonths: number): boolean => periodFrom < minusMonths(sentOn, limitMonths);

/** Who may move a statement where. */
export const STATEMENT_TRANSITIONS: Record<StatementStatus, readonly StatementStatus[]> = {
  kladde: ['sendt'],
  sendt: ['accepteret', 'bestridt'],
  bestridt: ['bestridt', 'besvaret'],
  besvaret: ['accepteret', 'bestridt'],
  accepteret: [],
};
export const canMove = (from: StatementStatus, to: StatementStatus): boolean => STATEMENT_TRANSITIONS[from].includes(to);
