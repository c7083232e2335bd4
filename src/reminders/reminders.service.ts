/**
 * @module Reminders: every morning (and when queued) each person who has given an e-mail address gets one e-mail
 * with the items of their work list whose deadline is near or past, each item once per deadline, whichever
 * process runs the job. The items come from every capability's work-list contribution (`dueItems`), so a new
 * capability's deadlines are reminded of without code here. Without an SMTP server nothing is mailed; the
 * reminders are recorded as given in Ramme, where the person sees them on the reminders page and the front page.
 */
import { requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import { loadActor } from '../core/auth/auth.service.js';
import type { AppContext, Ctx, DueGroup } from '../core/capability.js';
import { callContext } from '../core/context.js';
import { type Mailer, mailerFor } from '../core/mail.js';
import { parseInput } from '../core/validation.js';
import { itemsToRemind, reminderMail } from './reminders.logic.js';
import * as repo from './reminders.repository.js';
import { ZReminderSettings } from './reminders.schema.js';

const DEFAULT_DAYS_BEFORE = 7;

/** Every work-list group of the actor, also the empty ones (their headings are what a person can mute). */
async function dueGroups(ctx: Ctx): Promise<DueGroup[]> {
  const groups: DueGroup[] = [];
  // One capability after the other: the embedded database has a single connection.
  for (const c of ctx.capabilities) if (c.dueItems) groups.push(...(await c.dueItems(ctx)));
  return groups;
}

/** The reminders page: the person's settings, the groups they can choose, what is due soon, and what was given. */
export async function reminderPage(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'reminders.own', { userId: ctx.actor?.userId ?? -1 });
  const [setting, groups, sent] = [await repo.settingOf(ctx.db, actor.userId), await dueGroups(ctx), await repo.sentTo(ctx.db, actor.userId, 50)];
  const daysBefore = setting?.days_before ?? DEFAULT_DAYS_BEFORE;
  const muted = setting?.muted ?? [];
  const today = ctx.clock.today();
  return {
    email: setting?.email ?? null,
    daysBefore,
    muted,
    headings: [...new Set(groups.map((g) => g.heading))],
    upcoming: itemsToRemind(groups, today, daysBefore, muted),
    sent,
    today,
    smtpConfigured: !!ctx.config.smtpUrl,
  };
}
export type ReminderPage = Awaited<ReturnType<typeof reminderPage>>;

/** Saves the person's choice; the groups not ticked are muted. */
export async function saveReminderSettings(ctx: Ctx, input: unknown): Promise<void> {
  const actor = requireSignedIn(ctx, 'reminders.own', { userId: ctx.actor?.userId ?? -1 });
  const v = parseInput(ZReminderSettings, input);
  const headings = [...new Set((await dueGroups(ctx)).map((g) => g.heading))];
  const muted = headings.filter((h) => !v.wanted.includes(h));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.settingOf(trx, actor.userId);
    await repo.saveSetting(trx, actor.userId, { email: v.email, daysBefore: v.daysBefore, muted });
    await audit(trx, ctx, {
      entity: 'reminder_setting',
      entityId: actor.userId,
      action: before ? 'update' : 'create',
      before: before ? { email: before.email, daysBefore: before.days_before, muted: before.muted } : undefined,
      after: { email: v.email, daysBefore: v.daysBefore, muted },
    });
  });
}

export type ReminderRun = { people: number; mails: number; items: number; failed: number };

/**
 * Gives the reminders that are due today. Safe to run in several processes at once: each item is claimed in the
 * database before it is mailed, so each reaches its person once; a mail that fails gives its claims back.
 */
export async function runReminders(app: AppContext, mailer: Mailer | null = mailerFor(app.config)): Promise<ReminderRun> {
  const system = callContext(app, null);
  requireAccess(system, 'reminders.run', {});
  const today = app.clock.today();
  const run: ReminderRun = { people: 0, mails: 0, items: 0, failed: 0 };
  for (const r of await repo.recipients(app.db)) {
    const actor = await loadActor(app, r.user_id, 'token');
    if (!actor || !r.email) continue;
    run.people++;
    const items = itemsToRemind(await dueGroups(callContext(app, actor)), today, r.days_before, r.muted);
    const claimed = await app.db.transaction().execute(async (trx) => {
      const rows = await repo.claim(trx, r.user_id, mailer ? 'mail' : 'ramme', items);
      for (const row of rows)
        await audit(trx, null, { entity: 'reminder', entityId: row.id, action: 'create', after: { userId: r.user_id, item: row.item_key, due: row.due } });
      return rows;
    });
    if (!claimed.length || !mailer) {
      run.items += claimed.length;
      continue;
    }
    const mine = items.filter((i) => claimed.some((c) => c.item_key === i.key && c.due === i.due));
    try {
      await mailer.send({ to: r.email, ...reminderMail(r.display_name, mine, today, app.config.baseUrl) });
      run.mails++;
      run.items += mine.length;
    } catch (error) {
      run.failed++;
      await app.db.transaction().execute(async (trx) => {
        await repo.release(
          trx,
          claimed.map((c) => c.id),
        );
        await audit(trx, null, {
          entity: 'reminder',
          entityId: claimed[0]!.id,
          action: 'delete',
          before: { userId: r.user_id, reason: (error as Error).message },
        });
      });
    }
  }
  return run;
}
