/**
 * @module The contracts list, scoped inside the query: a case worker sees the municipality's own purchases, an
 * operator the contracts on its offerings, the secretariat its area's (read-only), a reader only the counts per
 * state in its areas (never case references).
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { scopeOf } from '../core/access/rules.js';
import type { Ctx } from '../core/capability.js';
import { parseInput } from '../core/validation.js';
import { municipalityCodesOfArea } from '../reference/reference.public.js';
import * as repo from './contract.repository.js';
import { isCaseWorker, isReader, PLACEMENTS } from './placements.policy.js';
import { ZContractListQuery } from './placements.schema.js';
import { CONTRACT_STATES, type ContractState } from './placements.table.js';

export const CONTRACTS_PER_PAGE = 50;

export async function listContracts(ctx: Ctx, query: unknown) {
  const actor = requireSignedIn(ctx, 'placements.contract.list', PLACEMENTS);
  const q = parseInput(ZContractListQuery, query);
  const today = ctx.clock.today();
  const scope = scopeOf(actor);
  const isCountsOnly = isReader(actor) && !isCaseWorker(actor) && scope.operatorOrgId === null && scope.secretariatAreaIds.length === 0;
  const areaIds = isCountsOnly ? scope.areaIds : scope.secretariatAreaIds;
  const codes = (await Promise.all(areaIds.map((id) => municipalityCodesOfArea(ctx.db, { id }, today)))).flat();
  const s: repo.ContractScope = {
    buyerOrgId: isCaseWorker(actor) ? actor.organisationId : null,
    operatorOrgId: scope.operatorOrgId,
    municipalityCodes: [...new Set(codes)],
  };
  const filters: repo.ContractFilters = {
    state: q.state ?? null,
    isPublic: q.kind ? q.kind === 'offentlig' : null,
    isStandard: q.isStandard ? q.isStandard === 'ja' : null,
    q: isCountsOnly ? null : (q.q ?? null),
  };
  const counts = await repo.countContracts(ctx.db, s, { ...filters, state: null }, today);
  const byState = Object.fromEntries(CONTRACT_STATES.map((st) => [st, 0])) as Record<ContractState, number>;
  for (const c of counts) byState[c.state] = c.n;
  const total = filters.state ? byState[filters.state] : counts.reduce((sum, c) => sum + c.n, 0);
  const pageCount = Math.max(1, Math.ceil(total / CONTRACTS_PER_PAGE));
  const page = Math.min(q.page, pageCount);
  const items = isCountsOnly ? [] : await repo.listContracts(ctx.db, s, filters, today, CONTRACTS_PER_PAGE, (page - 1) * CONTRACTS_PER_PAGE);
  return { query: q, total, byState, isCountsOnly, page, pageCount, items, canImport: can(ctx, 'placements.contract.import', PLACEMENTS) };
}
export type ContractList = Awaited<ReturnType<typeof listContracts>>;
