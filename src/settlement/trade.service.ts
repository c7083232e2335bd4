/**
 * @module The trade between municipalities (samhandel) of an agreement area and year: the buyer × seller matrix
 * from the area's sent statements, or, for a year without statements, from the accepted contracts (no amounts);
 * the trend of the own-offering share over ten years; the rows behind one cell. Read by the area's members and
 * its secretariat; case references and links to statements only for the cell's own buyer and seller.
 */
import { requireSignedIn } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { badRequest } from '../core/errors.js';
import { contractsOfTradeCell, contractTradeCells } from '../placements/placements.public.js';
import { membersOfArea, organisationsByIds, referenceTables } from '../reference/reference.public.js';
import { STATEMENT_STATUS_LABELS, type StatementStatus } from './settlement.table.js';
import { ownShareTrend, type PartyKind, type TradeCellInput, type TradeMatrix, type TradeParty, tradeMatrix } from './trade.logic.js';
import * as repo from './trade.repository.js';

export const TREND_YEARS = 10;

async function loadArea(ctx: Ctx, areaId: number | undefined) {
  const actor = ctx.actor;
  const id = areaId ?? actor?.areaIds[0] ?? 0;
  const area = (await referenceTables(ctx.db)).areas.find((a) => a.id === id) ?? null;
  requireSignedIn(ctx, 'settlement.trade', area ? { areaId: area.id } : null);
  return area!;
}

async function partiesOf(ctx: Ctx, ids: number[]): Promise<TradeParty[]> {
  return (await organisationsByIds(ctx.db, [...new Set(ids)]))
    .filter((o) => o.kind !== 'secretariat')
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind as PartyKind }));
}

function checkYear(ctx: Ctx, year: number) {
  if (year > Number(ctx.clock.today().slice(0, 4))) throw badRequest('Oplysningerne er ikke gyldige.', { year: ['Året kan ikke ligge i fremtiden.'] });
}

/** The matrix of the year and the trend over the ten years up to it. `year` undefined: the latest year with statements. */
export async function tradeView(ctx: Ctx, q: { areaId?: number; year?: number }) {
  const area = await loadArea(ctx, q.areaId);
  const today = ctx.clock.today();
  const year = q.year ?? (await repo.latestTradeYear(ctx.db, area.id)) ?? Number(today.slice(0, 4));
  checkYear(ctx, year);
  const fromYear = year - TREND_YEARS + 1;
  const members = await membersOfArea(ctx.db, area.id, `${year}-12-31` < today ? `${year}-12-31` : today);
  const buyers: TradeParty[] = members.filter((m) => m.kind === 'municipality').map((m) => ({ id: m.id, name: m.name, kind: 'municipality' }));
  const [fromStatements, fromContracts] = await Promise.all([
    repo.statementTradeCells(ctx.db, area.id, fromYear, year),
    contractTradeCells(
      ctx.db,
      buyers.map((b) => b.id),
      fromYear,
      year,
    ),
  ]);
  const parties = await partiesOf(
    ctx,
    [...fromStatements, ...fromContracts].flatMap((c) => [c.buyerOrgId, c.sellerOrgId]),
  );
  const statementYears = new Set(fromStatements.map((c) => c.year));
  const matrixOf = (y: number): TradeMatrix => {
    const isSettled = statementYears.has(y);
    const cells: TradeCellInput[] = isSettled
      ? fromStatements.filter((c) => c.year === y)
      : fromContracts.filter((c) => c.year === y).map((c) => ({ ...c, amount: null }));
    return tradeMatrix(isSettled ? 'statements' : 'contracts', buyers, parties, cells);
  };
  const years = Array.from({ length: TREND_YEARS }, (_, i) => fromYear + i);
  const trend = ownShareTrend(years.map((y) => ({ year: y, matrix: matrixOf(y) }))).filter((t) => t.ownShare !== null);
  const areas = (await referenceTables(ctx.db)).areas.filter((a) => ctx.actor?.areaIds.includes(a.id));
  return { area: { id: area.id, name: area.name }, areas: areas.map((a) => ({ id: a.id, name: a.name })), year, matrix: matrixOf(year), trend };
}
export type TradeView = Awaited<ReturnType<typeof tradeView>>;

/** The statement lines (or contracts) behind one cell. Case references and statement links only for the cell's own parties. */
export async function tradeCell(ctx: Ctx, q: { areaId: number; year: number; buyerOrgId: number; sellerOrgId: number }) {
  const area = await loadArea(ctx, q.areaId);
  checkYear(ctx, q.year);
  const [buyer, seller] = await Promise.all([partiesOf(ctx, [q.buyerOrgId]), partiesOf(ctx, [q.sellerOrgId])]);
  const isParty = ctx.actor?.organisationId === q.buyerOrgId || ctx.actor?.organisationId === q.sellerOrgId;
  const lines = buyer[0] && seller[0] ? await repo.statementLinesOfTradeCell(ctx.db, { ...q, areaId: area.id }) : [];
  const base = { area: { id: area.id, name: area.name }, year: q.year, buyer: buyer[0] ?? null, seller: seller[0] ?? null, isParty };
  if (lines.length)
    return {
      ...base,
      source: 'statements' as const,
      lines: lines.map((l) => ({
        ...l,
        statusLabel: STATEMENT_STATUS_LABELS[l.status as StatementStatus] ?? l.status,
        caseReference: isParty ? l.caseReference : null,
        statementId: isParty ? l.statementId : null,
      })),
      contracts: [],
    };
  const contracts = buyer[0] && seller[0] ? await contractsOfTradeCell(ctx.db, q) : [];
  return { ...base, source: 'contracts' as const, lines: [], contracts: contracts.map((c) => ({ ...c, caseReference: isParty ? c.caseReference : null })) };
}
export type TradeCellView = Awaited<ReturnType<typeof tradeCell>>;
