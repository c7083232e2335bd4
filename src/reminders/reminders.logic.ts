/**
 * @module Which of a person's due items to remind of today, and the e-mail that says so. Pure: no I/O.
 */
import { addDays } from '../core/clock.js';
import { formatDate } from '../core/format.js';
import type { DueGroup } from '../core/capability.js';

export type ReminderItem = { key: string; heading: string; title: string; href: string; due: string; detail?: string };

/**
 * The items with a deadline no later than `daysBefore` days from today (overdue ones included), outside the muted
 * groups. An item is known by its link: the same link with a new deadline is a new reminder.
 */
export function itemsToRemind(groups: readonly DueGroup[], today: string, daysBefore: number, muted: readonly string[]): ReminderItem[] {
  const horizon = addDays(today, daysBefore);
  const out: ReminderItem[] = [];
  for (const g of groups) {
    if (muted.includes(g.heading)) continue;
    for (const i of g.items) {
      if (i.due === null || i.due > horizon) continue;
      out.push({ key: i.href, heading: g.heading, title: i.title, href: i.href, due: i.due, detail: i.detail });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title, 'da-DK'));
}

const when = (due: string, today: string) =>
  due < today ? `frist ${formatDate(due)} (overskredet)` : due === today ? `frist i dag, ${formatDate(due)}` : `frist ${formatDate(due)}`;

/** The reminder e-mail in Danish: one line per item, nearest deadline first, each with its address in Ramme. */
export function reminderMail(name: string, items: readonly ReminderItem[], today: string, baseUrl: string): { subject: string; text: string } {
  const n = items.length;
  const subject = n === 1 ? `Påmindelse fra Ramme: ${items[0]!.title}` : `Påmindelse fra Ramme: ${n} opgaver med frist`;
  const lines = items.map((i) => `- ${i.title}, ${when(i.due, today)}${i.detail ? ` (${i.detail})` : ''}\n  ${baseUrl}${i.href}`);
  const text = [
    `Kære ${name}`,
    '',
    n === 1 ? 'Denne opgave i Ramme har snart frist:' : 'Disse opgaver i Ramme har snart frist:',
    '',
    ...lines,
    '',
    `Du vælger selv, hvilke påmindelser du får: ${baseUrl}/profil/paamindelser`,
  ].join('\n');
  return { subject, text };
}
