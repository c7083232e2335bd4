/**
 * @module The trade between municipalities (samhandel) as a pure computation: a matrix of buyer × seller for one
 * area and year (amount, contracts, place-days), totals per row and column, each cell's share of its row, each
 * buyer's purchases split into own offerings, other municipalities, the region and private providers, and the share
 * bought in own offerings (hjemtagelse). Exact decimals (decimal.js); shares in per cent with one decimal, half up.
 * When the year has no statements the matrix is built from accepted contracts: no amounts, and the shares are
 * computed from place-days instead.
 */
import { SDec as Decimal } from './calculation.js';

type Value = string | number;

export type TradeSource = 'statements' | 'contracts';
export type PartyKind = 'municipality' | 'region' | 'provider';
export type TradeParty = { id: number; name: string; kind: PartyKind };
/** One aggregated cell as read: what a buyer bought from a seller in the year. `amount` null: no amounts (contracts). */
export type TradeCellInput = { buyerOrgId: number; sellerOrgId: number; amount: string | null; contracts: number; placeDays: number };

export const SPLIT_KEYS = ['own', 'otherMunicipalities', 'region', 'private'] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];
export const SPLIT_LABELS: Record<SplitKey, string> = {
  own: 'Egne tilbud',
  otherMunicipalities: 'Andre kommuner',
  region: 'Regionen',
  private: 'Private leverandører',
};
export const KIND_ORDER: Record<PartyKind, number> = { municipality: 0, region: 1, provider: 2 };

export type Figures = { amount: string | null; contracts: number; placeDays: number };
export type TradeCell = Figures & { buyerOrgId: number; sellerOrgId: number; shareOfRow: string | null };
export type TradeRow = {
  buyer: TradeParty;
  /** Aligned with `sellers`; null where the buyer bought nothing from that seller. */
  cells: (TradeCell | null)[];
  total: Figures;
  shareOfTotal: string | null;
  split: Record<SplitKey, Figures & { share: string | null }>;
};
export type TradeMatrix = {
  source: TradeSource;
  /** What the shares are computed from. */
  measure: 'amount' | 'placeDays';
  sellers: TradeParty[];
  rows: TradeRow[];
  columnTotals: (Figures & { share: string | null })[];
  total: Figures;
  split: Record<SplitKey, Figures & { share: string | null }>;
};

const zero = (source: TradeSource): Figures => ({ amount: source === 'statements' ? '0.00' : null, contracts: 0, placeDays: 0 });
const add = (a: Figures, b: Figures): Figures => ({
  amount: a.amount === null || b.amount === null ? null : new Decimal(a.amount).plus(b.amount).toFixed(2),
  contracts: a.contracts + b.contracts,
  placeDays: a.placeDays + b.placeDays,
});

/** The share of `part` in `whole` in per cent, one decimal, half up; null when the whole is zero. */
export function sharePercent(part: Value, whole: Value): string | null {
  const w = new Decimal(whole);
  if (w.isZero()) return null;
  return new Decimal(part).times(100).div(w).toDecimalPlaces(1).toFixed(1);
}

/** Which part of a buyer's purchases a seller falls in. */
export function splitKeyOf(buyer: TradeParty, seller: TradeParty): SplitKey {
  if (seller.id === buyer.id) return 'own';
  return seller.kind === 'municipality' ? 'otherMunicipalities' : seller.kind === 'region' ? 'region' : 'private';
}

const byKindAndName = (a: TradeParty, b: TradeParty) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'da') || a.id - b.id;

/**
 * The matrix: rows are the given buyers (every member municipality, also those that bought nothing) plus any buyer
 * found in the cells; columns are the sellers found in the cells, municipalities first, then the region, then
 * private providers, each by name. Parties not in `parties` are left out (cannot be named).
 */
export function tradeMatrix(source: TradeSource, buyers: readonly TradeParty[], parties: readonly TradeParty[], input: readonly TradeCellInput[]): TradeMatrix {
  const measure = source === 'statements' ? 'amount' : 'placeDays';
  const partyOf = new Map(parties.map((p) => [p.id, p]));
  for (const b of buyers) partyOf.set(b.id, b);
  const cells = input.filter((c) => partyOf.has(c.buyerOrgId) && partyOf.has(c.sellerOrgId));
  const sellers = [...new Set(cells.map((c) => c.sellerOrgId))].map((id) => partyOf.get(id)!).sort(byKindAndName);
  const buyerIds = new Set(buyers.map((b) => b.id));
  const rowParties = [...buyers, ...[...new Set(cells.map((c) => c.buyerOrgId))].filter((id) => !buyerIds.has(id)).map((id) => partyOf.get(id)!)].sort(
    byKindAndName,
  );
  const column = new Map(sellers.map((s, i) => [s.id, i]));
  const measured = (f: Figures) => (measure === 'amount' ? (f.amount ?? '0') : f.placeDays);
  const emptySplit = () => Object.fromEntries(SPLIT_KEYS.map((k) => [k, zero(source)])) as Record<SplitKey, Figures>;
  const withShares = (split: Record<SplitKey, Figures>, total: Figures) =>
    Object.fromEntries(SPLIT_KEYS.map((k) => [k, { ...split[k], share: sharePercent(measured(split[k]), measured(total)) }])) as TradeRow['split'];

  let grand = zero(source);
  const columnSums = sellers.map(() => zero(source));
  const areaSplit = emptySplit();
  const rows = rowParties.map((buyer) => {
    const own = cells.filter((c) => c.buyerOrgId === buyer.id);
    const aligned: (TradeCellInput | null)[] = sellers.map(() => null);
    for (const c of own) {
      const i = column.get(c.sellerOrgId)!;
      const prev = aligned[i];
      aligned[i] = prev ? { ...c, ...add(prev, c) } : c;
    }
    let total = zero(source);
    const split = emptySplit();
    aligned.forEach((c, i) => {
      if (!c) return;
      const f: Figures = { amount: source === 'statements' ? new Decimal(c.amount ?? 0).toFixed(2) : null, contracts: c.contracts, placeDays: c.placeDays };
      total = add(total, f);
      columnSums[i] = add(columnSums[i]!, f);
      const key = splitKeyOf(buyer, sellers[i]!);
      split[key] = add(split[key], f);
      areaSplit[key] = add(areaSplit[key], f);
    });
    grand = add(grand, total);
    return {
      buyer,
      cells: aligned.map((c) =>
        c
          ? {
              buyerOrgId: c.buyerOrgId,
              sellerOrgId: c.sellerOrgId,
              amount: source === 'statements' ? new Decimal(c.amount ?? 0).toFixed(2) : null,
              contracts: c.contracts,
              placeDays: c.placeDays,
              shareOfRow: sharePercent(measure === 'amount' ? (c.amount ?? 0) : c.placeDays, measured(total)),
            }
          : null,
      ),
      total,
      split: withShares(split, total),
      shareOfTotal: null as string | null,
    };
  });
  for (const r of rows) r.shareOfTotal = sharePercent(measured(r.total), measured(grand));
  return {
    source,
    measure,
    sellers,
    rows,
    columnTotals: columnSums.map((c) => ({ ...c, share: sharePercent(measured(c), measured(grand)) })),
    total: grand,
    split: withShares(areaSplit, grand),
  };
}

/** The trend over the years: the share of the area's purchases placed in the buyers' own offerings (hjemtagelse). */
export function ownShareTrend(years: readonly { year: number; matrix: TradeMatrix }[]): { year: number; source: TradeSource; ownShare: string | null }[] {
  return [...years].sort((a, b) => a.year - b.year).map((y) => ({ year: y.year, source: y.matrix.source, ownShare: y.matrix.split.own.share }));
}
