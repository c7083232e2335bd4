/**
 * @module The settlement calculation, pure (no I/O, exact decimals): what one month of a contract line costs.
 * Days are the calendar days of the month within [from, to], both ends included (`to` null: open-ended). A day
 * price is multiplied by the days, a month price by days ÷ days in the month, an hour price by the hours. Each
 * line is rounded half up to øre; the total is the sum of the rounded lines.
 */
import { Decimal } from 'decimal.js';

/** Decimal with half-up rounding and enough precision for any amount Ramme settles. */
export const SDec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const SETTLEMENT_UNITS = ['day', 'month', 'hour'] as const;
export type SettlementUnit = (typeof SETTLEMENT_UNITS)[number];
export const SETTLEMENT_UNIT_LABELS: Record<SettlementUnit, string> = { day: 'døgn/dag', month: 'måned', hour: 'time' };

/** A day or month priced line covers a period; an hour priced line a number of hours. */
export type CalcLine = { unit: 'day' | 'month'; price: string; from: string; to: string | null } | { unit: 'hour'; price: string; hours: string };
export type CalcLineResult = { days: number | null; amount: string };
export type CalcResult = { lines: CalcLineResult[]; total: string };

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 'YYYY-MM' → its first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { first: `${month}-01`, last: dateOf(Date.UTC(y, m, 1) / DAY_MS - 1) };
}

export const daysInMonth = (month: string): number => {
  const { first, last } = monthBounds(month);
  return dayNumber(last) - dayNumber(first) + 1;
};

/** The month after 'YYYY-MM' (and before, with -1). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The part of [from, to] inside the month, or null when they do not meet. */
export function periodInMonth(month: string, from: string, to: string | null): { from: string; to: string; days: number } | null {
  const { first, last } = monthBounds(month);
  const start = from > first ? from : first;
  const end = to === null || to > last ? last : to;
  if (end < start) return null;
  return { from: start, to: end, days: dayNumber(end) - dayNumber(start) + 1 };
}

/** One line's days in the month and its amount, rounded half up to øre. */
export function lineAmount(month: string, line: CalcLine): CalcLineResult {
  if (line.unit === 'hour') return { days: null, amount: new SDec(line.price).mul(line.hours).toFixed(2) };
  const days = periodInMonth(month, line.from, line.to)?.days ?? 0;
  const raw = line.unit === 'day' ? new SDec(line.price).mul(days) : new SDec(line.price).mul(days).div(daysInMonth(month));
  return { days, amount: raw.toFixed(2) };
}

/** The month's lines and their total (the sum of the rounded lines). */
export function calculateSettlement(month: string, lines: readonly CalcLine[]): CalcResult {
  const out = lines.map((l) => lineAmount(month, l));
  return { lines: out, total: sumAmounts(out.map((l) => l.amount)) };
}

/** Exact sum of amounts (strings), two decimals. */
export const sumAmounts = (amounts: readonly string[]): string => amounts.reduce((s, a) => s.add(a), new SDec(0)).toFixed(2);
