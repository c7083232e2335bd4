/**
 * @module Danish formatting of numbers, money, percentages, dates and counts, all through `Intl` (da-DK,
 * Europe/Copenhagen). Decimal strings are formatted exactly: `Intl.NumberFormat` takes them as strings, so no
 * float rounding happens on the way. Pages, exports and messages use only this module.
 */
import { TIME_ZONE } from './clock.js';

type Numeric = string | number | bigint | null | undefined;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${min}:${max}:${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('da-DK', { minimumFractionDigits: min, maximumFractionDigits: max, style });
    numberFormats.set(key, f);
  }
  return f;
}

const isEmpty = (v: Numeric): v is null | undefined | '' => v === null || v === undefined || v === '';
const isNumeric = (v: string | number | bigint): boolean =>
  typeof v === 'string' ? /^\s*-?\d+(\.\d+)?\s*$/.test(v) : typeof v === 'bigint' || Number.isFinite(v);

function format(f: Intl.NumberFormat, value: string | number | bigint): string {
  // Intl accepts decimal strings exactly (ES2023); the type declarations only know number | bigint. Danish output
  // has no other hyphen than the minus sign, which becomes the typographic one (format is ~6× faster than formatToParts).
  return f.format(typeof value === 'string' ? (value.trim() as unknown as number) : value).replace('-', '−');
}

/** 1234567.891 → "1.234.568" (decimals 0) or "1.234.567,89" (decimals 2). Empty → "–". */
export function formatNumber(value: Numeric, decimals = 0): string {
  if (isEmpty(value)) return '–';
  if (!isNumeric(value)) return String(value);
  return format(numberFormat(decimals, decimals), value);
}

/** Exact decimal string with a fixed number of decimals: "1234567.8" → "1.234.567,80". */
export const formatDecimal = (value: Numeric, decimals = 2): string => formatNumber(value, decimals);

/** Up to `max` decimals, none shown when not needed: "6382.755" → "6.382,76", "12" → "12". */
export function formatUpTo(value: Numeric, max = 2): string {
  if (isEmpty(value)) return '–';
  if (!isNumeric(value)) return String(value);
  return format(numberFormat(0, max), value);
}

/** Money in kroner: "1234.5" → "1.234,50 kr." */
export const formatMoney = (value: Numeric, decimals = 2): string => (isEmpty(value) ? '–' : `${formatNumber(value, decimals)} kr.`);

/** A percentage given in percent points: "4.5" → "4,5 %". */
export const formatPercent = (value: Numeric, decimals = 1): string => (isEmpty(value) ? '–' : `${formatNumber(value, decimals)} %`);

const inputFormat = new Intl.NumberFormat('da-DK', { useGrouping: false, maximumFractionDigits: 20 });

/** A number for an input field: Danish decimal comma, no grouping ("1234.5" → "1234,5"). */
export function formatForInput(value: Numeric): string {
  if (isEmpty(value)) return '';
  if (!isNumeric(value)) return String(value);
  return format(inputFormat, value).replace('−', '-');
}

const fileFormat = new Intl.NumberFormat('da-DK', { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 20 });

/** An amount for a Danish CSV file: decimal comma, no grouping, every øre and any further published decimal ("82907.1" → "82907,10", "-5" → "-5,00"). */
export function formatForFile(value: Numeric): string {
  if (isEmpty(value)) return '';
  if (!isNumeric(value)) return String(value);
  return format(fileFormat, value).replace('−', '-');
}

const dateLong = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const dateDayMonth = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', timeZone: TIME_ZONE });
const dateTime = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

const asDate = (value: string | Date): Date =>
  typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10)) && value.length <= 10 ? new Date(`${value}T12:00:00Z`) : new Date(value)) : value;

/** 2026-03-01 → "1. marts 2026". */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const d = asDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateLong.format(d);
}

/** 2026-12-01 → "1. december" (deadlines inside a known year). */
export function formatDayMonth(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const d = asDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateDayMonth.format(d);
}

/** An instant in Danish time: "1. december 2026 kl. 21.30". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '–';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? String(value) : dateTime.format(d);
}

const pluralRules = new Intl.PluralRules('da-DK');

/** Danish singular or plural form: plural(1, 'version', 'versioner') → "version". */
export const plural = (n: number, one: string, other: string): string => (pluralRules.select(n) === 'one' ? one : other);

/** A count with its noun: count(1, 'tilbud', 'tilbud') → "1 tilbud", count(1200, 'version', 'versioner') → "1.200 versioner". */
export const count = (n: number, one: string, other: string): string => `${formatNumber(n)} ${plural(n, one, other)}`;
