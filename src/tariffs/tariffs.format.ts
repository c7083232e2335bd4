/**
 * @module Tariff amounts as stored, in Danish, through core/format.ts: a decimal string keeps exactly the
 * decimals it has ("4270.5" → "4.270,5", "2128.50" → "2.128,50 kr."), percentages drop trailing zeros
 * ("97.50" → "97,5 %"), changes carry a sign and one decimal ("+5,2 %").
 */
import { formatMoney, formatNumber, formatUpTo } from '../core/format.js';
import { Decimal } from 'decimal.js';

type Value = string | null | undefined;
const isEmpty = (v: Value): v is null | undefined | '' => v === null || v === undefined || v === '';

/** The number of decimals a decimal string has (Intl shows at most 20). */
const decimalsOf = (v: string): number => Math.min(20, (v.trim().split('.')[1] ?? '').length);

/** "4270.5" → "4.270,5": every decimal the value has, none added. */
export const formatExact = (v: Value): string => (isEmpty(v) ? '–' : formatNumber(v, decimalsOf(v)));

/** "2128.56" → "2.128,56 kr." */
export const formatKr = (v: Value): string => (isEmpty(v) ? '–' : formatMoney(v, decimalsOf(v)));

/** "97.50" → "97,5 %" (trailing zeros dropped). */
export const formatPct = (v: Value): string => (isEmpty(v) ? '–' : `${formatUpTo(v, 20)} %`);

/** "5.2381" → "+5,2 %": a change in percent with one decimal and a sign. */
export function formatChange(pct: Value): string {
  if (isEmpty(pct)) return '–';
  const d = new Decimal(pct).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  return `${d.gt(0) ? '+' : d.lt(0) ? '−' : ''}${formatNumber(d.abs().toFixed(1), 1)} %`;
}
