/**
 * @module The front page as a work page: what is due for the signed-in actor, gathered from every capability that
 * contributes due items (tariffs to submit or approve, hearings, council decisions, …), each group by deadline.
 */
import type { Ctx, DueGroup, DueItem } from '../capability.js';

/** Items without a deadline come last; otherwise the nearest deadline first. */
const byDue = (a: DueItem, b: DueItem) => (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') || a.title.localeCompare(b.title, 'da-DK');

/** The actor's due items per capability (none for visitors who are not signed in). */
export async function workList(ctx: Ctx): Promise<{ today: string; groups: DueGroup[] }> {
  const today = ctx.clock.today();
  if (!ctx.actor) return { today, groups: [] };
  const groups: DueGroup[] = [];
  // One capability after the other: the embedded database has a single connection.
  for (const c of ctx.capabilities) if (c.dueItems) groups.push(...(await c.dueItems(ctx)));
  return { today, groups: groups.filter((g) => g.items.length > 0).map((g) => ({ ...g, items: [...g.items].sort(byDue) })) };
}
export type WorkList = Awaited<ReturnType<typeof workList>>;
