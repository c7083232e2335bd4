/**
 * @module What is due in tariffs for the actor, for the front page's work list: an operator's offerings whose
 * tariff for the round year is not yet submitted (with the submission deadline), and the secretariat's submitted
 * tariffs waiting for approval.
 */
import { can, requireAccess } from '../core/access/access.js';
import type { Ctx, DueGroup, DueItem } from '../core/capability.js';
import { formatDate } from '../core/format.js';
import { ownOfferings, reviewQueue } from './list.repository.js';
import { deadlineFor, findRule } from './rules.repository.js';
import { versionScope } from './tariffs.policy.js';
import { STATUS_LABELS, type TariffStatus } from './tariffs.table.js';
import { roundYear } from './tariffs.service.js';

/** Latest version per offering for the year, of an operator's offerings (rows as `ownOfferings` gives them, versions ascending). */
function toSubmit(rows: Awaited<ReturnType<typeof ownOfferings>>, year: number) {
  const latest = new Map<number, { id: number; name: string; versionId: number | null; status: TariffStatus | null }>();
  for (const r of rows) {
    const e = latest.get(r.id) ?? { id: r.id, name: r.name, versionId: null, status: null };
    if (r.year === year && r.version_id) Object.assign(e, { versionId: r.version_id, status: r.status as TariffStatus });
    latest.set(r.id, e);
  }
  return [...latest.values()].filter((e) => e.status === null || e.status === 'kladde' || e.status === 'returneret');
}

export async function tariffDueItems(ctx: Ctx): Promise<DueGroup[]> {
  requireAccess(ctx, 'tariffs.list', null);
  const year = roundYear(ctx.clock);
  const scope = versionScope(ctx.actor);
  const areaId = ctx.actor?.areaIds[0];
  const rule = areaId ? await findRule(ctx.db, areaId, year) : null;
  const deadline = rule ? deadlineFor(rule, year) : null;
  const groups: DueGroup[] = [];
  if (can(ctx, 'tariffs.operate', null) && scope.operatorOrgId !== null) {
    const items: DueItem[] = toSubmit(await ownOfferings(ctx.db, scope.operatorOrgId, [year]), year).map((e) => ({
      title: `Indsend takst ${year}: ${e.name}`,
      href: e.versionId ? `/takster/${e.versionId}` : `/takster/tilbud/${e.id}/${year}/ny`,
      due: deadline,
      detail: e.status ? STATUS_LABELS[e.status] : 'Ikke påbegyndt',
    }));
    groups.push({ heading: `Takster ${year} at indsende`, href: '/takster', items });
  }
  if (can(ctx, 'tariffs.review', null)) {
    const items: DueItem[] = (await reviewQueue(ctx.db, scope.secretariatAreaIds)).map((v) => ({
      title: `Godkend takst ${v.year}: ${v.name}`,
      href: `/takster/${v.id}`,
      due: deadline,
      detail: `Indsendt ${formatDate(v.submitted_at)}${v.is_flagged ? ', stigning over grænsen' : ''}`,
    }));
    groups.push({ heading: 'Takster at godkende', href: '/takster', items });
  }
  return groups;
}
