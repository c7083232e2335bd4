/**
 * @module What other capabilities (and the front page's work list) may read of agreements: what is due for the
 * actor — hearings open to its organisation, with their deadline, and council decisions still missing — and the
 * agreements of an area in force during a year with their focus areas (for the cooperation's yearly report).
 */
import { can, requireAccess } from '../core/access/access.js';
import type { Ctx, DueGroup, DueItem } from '../core/capability.js';
import { count } from '../core/format.js';
import { agreementMembers, agreementsOverlapping } from './agreements.repository.js';
import { awaitingDecisions, openHearings } from './due.repository.js';

export async function agreementDueItems(ctx: Ctx): Promise<DueGroup[]> {
  requireAccess(ctx, 'agreements.list', {});
  const actor = ctx.actor;
  if (!actor) return [];
  const target = (a: { area_id: number; area_name: string; is_public: boolean; status: string }) => ({
    areaId: a.area_id,
    areaName: a.area_name,
    isPublic: a.is_public,
    status: a.status,
  });
  const hearings: DueItem[] = (await openHearings(ctx.db, ctx.clock.today(), actor.organisationId))
    .filter((h) => can(ctx, 'agreements.hearing.comment', target(h)))
    .map((h) => ({
      title: `Høring: ${h.title}`,
      href: `/aftaler/${h.id}/hoering`,
      due: h.hearing_until,
      detail: h.own_comments
        ? `${actor.organisationName} har afgivet ${count(h.own_comments, 'høringssvar', 'høringssvar')}`
        : 'Ingen høringssvar fra jer endnu',
    }));
  const decisions: DueItem[] = [];
  for (const a of await awaitingDecisions(ctx.db, actor.areaIds)) {
    const memberIds = (await agreementMembers(ctx.db, a)).map((m) => m.id);
    const missing = memberIds.filter((id) => !a.decided.includes(id));
    const t = { ...target(a), memberIds, organisationId: actor.organisationId };
    if (!missing.length) continue;
    if (missing.includes(actor.organisationId) && can(ctx, 'agreements.decide', t))
      decisions.push({
        title: `Jeres politiske beslutning mangler: ${a.title}`,
        href: `/aftaler/${a.id}/godkendelse`,
        due: a.decisions_due,
        detail: actor.organisationName,
      });
    else if (can(ctx, 'agreements.edit', target(a)))
      decisions.push({
        title: `Beslutninger mangler: ${a.title}`,
        href: `/aftaler/${a.id}/godkendelse`,
        due: a.decisions_due,
        detail: `${count(missing.length, 'medlem', 'medlemmer')} af ${memberIds.length} mangler en beslutning`,
      });
  }
  return [
    { heading: 'Høringer, jeres organisation kan svare på', href: '/aftaler', items: hearings },
    { heading: 'Politiske beslutninger, der mangler', href: '/aftaler', items: decisions },
  ];
}

/** The area's agreements in force at some time in the year that the actor may read, with their focus areas ("udvikling" first). */
export async function agreementsOfYear(ctx: Ctx, areaId: number, year: number) {
  requireAccess(ctx, 'agreements.list', {});
  const rows = await agreementsOverlapping(ctx.db, areaId, `${year}-01-01`, `${year}-12-31`);
  return rows
    .filter((g) => can(ctx, 'agreements.read', { areaId: g.area_id, areaName: g.area_name, isPublic: g.is_public, status: g.status }))
    .map((g) => ({
      id: g.id,
      title: g.title,
      periodStart: g.period_start,
      periodEnd: g.period_end,
      focusAreas: g.focusAreas.map((f) => ({ id: f.id, part: f.part, number: f.number, title: f.title, goal: f.goal })),
    }));
}
