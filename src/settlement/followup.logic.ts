/**
 * @module Pure rules of contract follow-up: the due dates of a contract (the dates agreed in its terms, else the
 * first follow-up the rule's months after the start; then every interval after the last, up to the end or the
 * horizon), the state of each due date against what was recorded, and the share held on time.
 */
import { SDec } from './calculation.js';
import { minusMonths } from './statement.logic.js';

export type FollowUpRule = { firstMonths: number; intervalMonths: number; dueSoonDays: number };
export type ScheduleInput = { startDate: string; endDate: string | null; followUpDates: readonly string[] };

/** 'YYYY-MM-DD' plus whole months (clamped to the month's last day: 31 January + 1 month = 28/29 February). */
export const plusMonths = (date: string, months: number): string => minusMonths(date, -months);

/**
 * The contract's due dates up to `until` (and never after its end): the agreed ones first; after the last agreed
 * date (or from the start, when none were agreed) the rule's rhythm continues. Counted from the anchor each time,
 * so that month ends do not drift (31 Jan + 1, + 2 months = 28 Feb, 31 Mar).
 */
export function followUpSchedule(c: ScheduleInput, rule: FollowUpRule, until: string): string[] {
  const last = c.endDate !== null && c.endDate < until ? c.endDate : until;
  const agreed = [...new Set(c.followUpDates)].filter((d) => d >= c.startDate && d <= last).sort();
  const out = [...agreed];
  const anchor = agreed.at(-1);
  for (let i = anchor ? 1 : 0; i < 600; i++) {
    const d = anchor ? plusMonths(anchor, rule.intervalMonths * i) : plusMonths(c.startDate, rule.firstMonths + rule.intervalMonths * i);
    if (d > last) break;
    out.push(d);
  }
  return out;
}

export type DueState = 'afholdt' | 'afholdt-for-sent' | 'overskredet' | 'snart' | 'senere';
export const DUE_STATE_LABELS: Record<DueState, string> = {
  afholdt: 'Afholdt til tiden',
  'afholdt-for-sent': 'Afholdt for sent',
  overskredet: 'Overskredet',
  snart: 'Skal afholdes snart',
  senere: 'Senere',
};

/** A due date's state on `today`, given when (if at all) it was held. */
export function dueState(due: string, heldOn: string | null, today: string, dueSoonDays: number, addDays: (d: string, n: number) => string): DueState {
  if (heldOn !== null) return heldOn <= due ? 'afholdt' : 'afholdt-for-sent';
  if (due < today) return 'overskredet';
  return due <= addDays(today, dueSoonDays) ? 'snart' : 'senere';
}

/** Held on time among the due dates that have passed (or been held): { onTime, due, share in percent with one decimal or null }. */
export function onTimeShare(states: readonly DueState[]): { onTime: number; due: number; percent: string | null } {
  const due = states.filter((s) => s === 'afholdt' || s === 'afholdt-for-sent' || s === 'overskredet').length;
  const onTime = states.filter((s) => s === 'afholdt').length;
  return { onTime, due, percent: due === 0 ? null : new SDec(onTime).mul(100).div(due).toFixed(1) };
}
