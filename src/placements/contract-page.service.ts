/**
 * @module What the contract pages need beyond the contract itself: the published tariff's levels to choose from,
 * the municipalities (paying municipality), the buyer's recent searches and the reasons for a private purchase
 * (the public-first check), and whether the check applies at all.
 */
import type { Ctx } from '../core/capability.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import * as repo from './contract.repository.js';
import { authorizeContract, getContract } from './contract.service.js';
import { isPublicOperatorType } from './logic.js';
import { publicFirstReasons } from './placements.repository.js';

export async function contractPage(ctx: Ctx, id: number) {
  const contract = await getContract(ctx, id);
  const year = Number(contract.start_date.slice(0, 4));
  const isPrivate = !isPublicOperatorType(contract.operator_type);
  const [tariffs, previous, municipalities, reasons, searches] = await Promise.all([
    publishedTariffs(ctx.db, [contract.offering_id], year),
    publishedTariffs(ctx.db, [contract.offering_id], year - 1),
    contract.canEdit ? repo.municipalities(ctx.db) : Promise.resolve([]),
    contract.canEdit && isPrivate ? publicFirstReasons(ctx.db, ctx.clock.today()) : Promise.resolve([]),
    contract.canEdit && isPrivate
      ? repo.recentSearches(ctx.db, contract.buyer_org_id, new Date(ctx.clock.now().getTime() - 90 * 86_400_000))
      : Promise.resolve([]),
  ]);
  const tariff = tariffs.get(contract.offering_id) ?? previous.get(contract.offering_id) ?? null;
  return { contract, levels: tariff?.levels ?? [], tariffYear: tariff?.year ?? null, municipalities, reasons, searches, isPrivate };
}
export type ContractPageView = Awaited<ReturnType<typeof contractPage>>;

/** The terms form of a draft: only for the buyer's case worker. */
export async function termsPage(ctx: Ctx, id: number) {
  await authorizeContract(ctx, id, 'placements.contract.edit');
  return contractPage(ctx, id);
}
