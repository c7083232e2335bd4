/**
 * @module Making (or remaking) a month's draft statements, without the access check: the step the statement
 * service runs after its access call, and the demo seed and the bench run directly. One statement per seller ×
 * buyer with a line per contract period, priced from the month's year's published tariffs, plus adjustment lines
 * for corrections answered since; set-based, in one transaction, safe to repeat (sent statements never change).
 */
import type { Db, Queryable } from '../core/db/types.js';
import { contractsForSettlement } from '../placements/placements.public.js';
import { areaIdsOfMunicipalities, organisationsByIds } from '../reference/reference.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import { monthBounds } from './calculation.js';
import * as repo from './settlement.repository.js';
import { priceMonth, type PriceList } from './statement.logic.js';

export type GenerateResult = { month: string; statements: number; lines: number; problems: number; total: string };

/** `sellerOrgId` null: every seller. `inTransaction` runs last inside the transaction (the service's audit). */
export async function draftMonth(
  db: Db,
  month: string,
  sellerOrgId: number | null,
  now: Date,
  inTransaction: (trx: Queryable, r: Omit<GenerateResult, 'month'>) => Promise<unknown> = async () => undefined,
): Promise<GenerateResult> {
  const { first, last } = monthBounds(month);
  const periods = await contractsForSettlement(db, { from: first, to: last }, sellerOrgId);
  const year = Number(month.slice(0, 4));
  const published = await publishedTariffs(db, [...new Set(periods.map((p) => p.offeringId))], year);
  const prices = new Map<number, PriceList>([...published].map(([id, t]) => [id, t]));
  const drafts = priceMonth(month, periods, prices);
  const sorts = new Map<string, number>();
  const lines = drafts.map((l) => {
    const key = `${l.sellerOrgId}:${l.buyerOrgId}`;
    const sort = (sorts.get(key) ?? 0) + 1;
    sorts.set(key, sort);
    return { ...l, sort };
  });
  const pairs = [...sorts.keys()].map((k) => k.split(':').map(Number) as [number, number]);
  const buyers = await organisationsByIds(db, [...new Set(pairs.map(([, b]) => b))]);
  const codeOf = new Map(buyers.map((b) => [b.id, b.municipality_code]));
  const areas = await areaIdsOfMunicipalities(db, [...new Set(buyers.map((b) => b.municipality_code).filter((c): c is number => c !== null))], last);
  const areaOf = (buyer: number) => {
    const code = codeOf.get(buyer);
    return code === null || code === undefined ? null : (areas.get(code)?.[0] ?? null);
  };
  return db.transaction().execute(async (trx) => {
    await repo.lockMonth(trx, month);
    await repo.upsertStatements(
      trx,
      first,
      pairs.map(([seller, buyer]) => ({ seller, buyer, area: areaOf(buyer) })),
      now,
    );
    await repo.upsertCorrectionStatements(trx, first, sellerOrgId, now);
    await repo.deleteDraftLines(trx, first, sellerOrgId);
    await repo.insertContractLines(trx, first, lines);
    await repo.insertAdjustmentLines(trx, first, sellerOrgId);
    const r = await repo.refreshDrafts(trx, first, sellerOrgId);
    await inTransaction(trx, r);
    return { month, ...r };
  });
}
