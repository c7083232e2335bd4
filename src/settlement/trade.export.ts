/**
 * @module The trade matrix as an Excel workbook: the matrix (buyers × sellers, amounts or place-days with totals),
 * the split of each buyer's purchases, and the trend of the own-offering share.
 */
import type { SheetSpec } from '../core/tabular/xlsx.js';
import { SPLIT_KEYS, SPLIT_LABELS } from './trade.logic.js';
import type { TradeView } from './trade.service.js';

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const KR = '#,##0.00';
const PCT = '0.0';

export function tradeSheets(v: TradeView): SheetSpec[] {
  const m = v.matrix;
  const isAmount = m.measure === 'amount';
  const unit = isAmount ? 'kr.' : 'pladsdage';
  const measured = (f: { amount: string | null; placeDays: number } | null) => (f === null ? null : isAmount ? num(f.amount) : f.placeDays);
  const matrix: SheetSpec = {
    name: `Samhandel ${v.year}`,
    columns: [
      { header: `Køber \\ sælger (${unit})`, width: 30 },
      ...m.sellers.map((s) => ({ header: s.name, width: 18, numFmt: isAmount ? KR : '#,##0' })),
      { header: `I alt (${unit})`, width: 18, numFmt: isAmount ? KR : '#,##0' },
      { header: 'Kontrakter', numFmt: '#,##0' },
      { header: 'Pladsdage', numFmt: '#,##0' },
      { header: 'Andel af området (%)', numFmt: PCT },
    ],
    rows: [
      ...m.rows.map((r) => [r.buyer.name, ...r.cells.map(measured), measured(r.total), r.total.contracts, r.total.placeDays, num(r.shareOfTotal)]),
      ['I alt', ...m.columnTotals.map(measured), measured(m.total), m.total.contracts, m.total.placeDays, m.total.contracts ? 100 : null],
      ['Andel (%)', ...m.columnTotals.map((c) => num(c.share)), null, null, null, null],
      [
        m.source === 'statements'
          ? `Kilde: sendte afregninger i ${v.area.name} for ${v.year}`
          : `Kilde: godkendte kontrakter (ingen sendte afregninger for ${v.year}); andele af pladsdage`,
      ],
    ],
  };
  const split: SheetSpec = {
    name: 'Fordeling',
    columns: [
      { header: 'Køber', width: 30 },
      ...SPLIT_KEYS.flatMap((k) => [
        { header: `${SPLIT_LABELS[k]} (${unit})`, width: 18, numFmt: isAmount ? KR : '#,##0' },
        { header: `${SPLIT_LABELS[k]} (%)`, numFmt: PCT },
      ]),
    ],
    rows: [...m.rows.map((r) => ({ name: r.buyer.name, split: r.split })), { name: `${v.area.name} i alt`, split: m.split }].map((r) => [
      r.name,
      ...SPLIT_KEYS.flatMap((k) => [measured(r.split[k]), num(r.split[k].share)]),
    ]),
  };
  const trend: SheetSpec = {
    name: 'Hjemtagelse',
    columns: [{ header: 'År' }, { header: 'Andel i egne tilbud (%)', numFmt: PCT }, { header: 'Kilde', width: 24 }],
    rows: v.trend.map((t) => [t.year, num(t.ownShare), t.source === 'statements' ? 'afregninger (beløb)' : 'kontrakter (pladsdage)']),
  };
  return [matrix, split, trend];
}
