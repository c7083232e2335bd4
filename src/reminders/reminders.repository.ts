/**
 * @module SQL of reminders: settings per person, the people who want e-mail, and the reminders given (claimed
 * once per person, item and deadline).
 */
import type { Queryable } from '../core/db/types.js';

export async function settingOf(db: Queryable, userId: number) {
  return db.selectFrom('reminder_setting').select(['email', 'days_before', 'muted']).where('user_id', '=', userId).executeTakeFirst();
}

export async function saveSetting(db: Queryable, userId: number, s: { email: string | null; daysBefore: number; muted: string[] }) {
  await db
    .insertInto('reminder_setting')
    .values({ user_id: userId, email: s.email, days_before: s.daysBefore, muted: s.muted })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: s.email, days_before: s.daysBefore, muted: s.muted, updated_at: new Date() }))
    .execute();
}

/** Active people with an e-mail address for reminders. */
export async function recipients(db: Queryable) {
  return db
    .selectFrom('reminder_setting as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id as user_id', 'u.display_name', 's.email', 's.days_before', 's.muted'])
    .where('u.is_active', '=', true)
    .where('s.email', 'is not', null)
    .orderBy('u.id')
    .execute();
}

/**
 * Claims the reminders not given before: inserts one row per item and returns those that were new. Two processes
 * claiming the same items at once: the unique key lets exactly one of them have each.
 */
export async function claim(
  db: Queryable,
  userId: number,
  channel: 'mail' | 'ramme',
  items: ReadonlyArray<{ key: string; due: string; heading: string; title: string; href: string }>,
): Promise<Array<{ id: number; item_key: string; due: string }>> {
  if (!items.length) return [];
  return db
    .insertInto('reminder_sent')
    .values(items.map((i) => ({ user_id: userId, item_key: i.key, due: i.due, heading: i.heading, title: i.title, href: i.href, channel })))
    .onConflict((oc) => oc.columns(['user_id', 'item_key', 'due']).doNothing())
    .returning(['id', 'item_key', (eb) => eb.cast<string>('due', 'text').as('due')])
    .execute();
}

/** Gives claimed reminders back (the e-mail could not be sent), so the next run tries again. */
export async function release(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('reminder_sent')
      .where('id', 'in', [...ids])
      .execute();
}

export async function sentTo(db: Queryable, userId: number, limit: number) {
  return db
    .selectFrom('reminder_sent')
    .select(['id', 'heading', 'title', 'href', 'channel', 'sent_at', (eb) => eb.cast<string>('due', 'text').as('due')])
    .where('user_id', '=', userId)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
