/**
 * @module The overview as spreadsheets: the overview on one sheet, every offering's calculation basis on
 * another (one row per offering, every step as a column), and the overview as CSV.
 */
import { formatForInput } from '../core/format.js';
import { toCsv } from '../core/tabular/csv.js';
import { toXlsx, type SheetSpec } from '../core/tabular/xlsx.js';
import { calculateTariff, COST_CATEGORIES, COST_LABELS, Dec, UNIT_LABELS, type CalcInput } from './calculation.js';
import { parseLevels, type OverviewRow } from './overview.model.js';
import { STATUS_LABELS, type RulesSnapshot } from './tariffs.table.js';

const num = (v: string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
/** An exact decimal cell: a string until the sheet is written (Excel gets a number, CSV the exact value with a decimal comma). */
const exact = (v: string | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : v);
const MONEY = '#,##0.00';
const PCT = '0.00';

function overviewSheet(rows: OverviewRow[]): SheetSpec {
  const maxLevels = Math.max(1, ...rows.map((r) => parseLevels(r.levels).length));
  const levelColumns = Array.from({ length: maxLevels }, (_, i) => [
    { header: `Niveau ${i + 1}`, width: 16 },
    { header: `Takst niveau ${i + 1}`, width: 14, numFmt: MONEY },
  ]).flat();
  return {
    name: 'Takstoversigt',
    columns: [
      { header: 'Kommune', width: 16 },
      { header: 'Tilbuds-id', width: 10 },
      { header: 'Tilbud', width: 34 },
      { header: 'Driftsherre', width: 26 },
      { header: 'Driftsform', width: 12 },
      { header: 'Tilbudstype', width: 18 },
      { header: 'Lovgrundlag', width: 18 },
      { header: 'Målgrupper', width: 36 },
      { header: 'Enhed', width: 10 },
      { header: 'Gennemsnitstakst', width: 16, numFmt: MONEY },
      ...levelColumns,
      { header: 'Anvendt belægning %', width: 12, numFmt: PCT },
      { header: 'Nominel ændring %', width: 12, numFmt: PCT },
      { header: 'Real ændring %', width: 12, numFmt: PCT },
      { header: 'Stigning over grænsen', width: 10 },
      { header: 'Forklaring på stigning', width: 40 },
      { header: 'Version', width: 8 },
      { header: 'Begrundelse for rettelse', width: 30 },
      { header: 'Advarsler', width: 9 },
      { header: 'Status', width: 14 },
    ],
    rows: rows.map((r) => {
      const levels = parseLevels(r.levels);
      const levelCells = Array.from({ length: maxLevels }, (_, i) => [levels[i]?.name ?? null, exact(levels[i]?.tariff)]).flat();
      return [
        r.municipality_name,
        r.offering_id,
        r.offering_name,
        r.operator_name,
        r.operator_type,
        r.offering_type_name,
        r.legal_basis,
        r.target_groups,
        UNIT_LABELS[r.unit],
        exact(r.average_tariff),
        ...levelCells,
        exact(r.occupancy_pct_used),
        exact(r.nominal_change_pct),
        exact(r.real_change_pct),
        r.is_flagged,
        r.explanation,
        r.version,
        r.correction_reason,
        r.warning_count,
        STATUS_LABELS[r.status],
      ];
    }),
  };
}

function calculationSheet(rows: OverviewRow[], inputs: Map<number, { input: CalcInput; rules: RulesSnapshot }>): SheetSpec {
  return {
    name: 'Beregningsgrundlag',
    columns: [
      { header: 'Tilbuds-id', width: 10 },
      { header: 'Tilbud', width: 34 },
      { header: 'Takstår', width: 8 },
      { header: 'Enhed', width: 10 },
      { header: 'Pladser', width: 8 },
      { header: 'Planlagte timer', width: 10 },
      ...COST_CATEGORIES.map((c) => ({ header: COST_LABELS[c], width: 14, numFmt: MONEY })),
      { header: 'Udgifter i alt', width: 14, numFmt: MONEY },
      { header: 'Overheadgrundlag', width: 14, numFmt: MONEY },
      { header: 'Overhead %', width: 10, numFmt: PCT },
      { header: 'Overhead', width: 14, numFmt: MONEY },
      { header: 'Indtægter', width: 14, numFmt: MONEY },
      { header: 'Reguleringsresultat', width: 14, numFmt: MONEY },
      { header: 'Omkostningsgrundlag (regulering)', width: 14, numFmt: MONEY },
      { header: 'Beholdt i driften', width: 14, numFmt: MONEY },
      { header: 'Indregnet i taksten', width: 14, numFmt: MONEY },
      { header: 'Takstgrundlag', width: 16, numFmt: MONEY },
      { header: 'Belægning: kilde', width: 12 },
      { header: 'Belægning: historik', width: 14 },
      { header: 'Belægning: angivet %', width: 10, numFmt: PCT },
      { header: 'Belægning: anvendt %', width: 10, numFmt: PCT },
      { header: 'Kapacitetsenheder', width: 12 },
      { header: 'Niveauer (navn, vægt, andel, takst)', width: 50 },
      { header: 'Advarsler', width: 60 },
    ],
    rows: rows.map((r) => {
      const stored = inputs.get(r.version_id);
      if (!stored) return [r.offering_id, r.offering_name];
      const { input, rules } = stored;
      const res = calculateTariff(input, rules);
      const byCategory = COST_CATEGORIES.map((c) =>
        num(
          input.costs
            .filter((l) => l.category === c)
            .reduce((s, l) => s.plus(l.amount), new Dec(0))
            .toFixed(2),
        ),
      );
      return [
        r.offering_id,
        r.offering_name,
        input.year,
        UNIT_LABELS[input.unit],
        input.places ?? null,
        num(input.plannedHours),
        ...byCategory,
        num(res.costsTotal),
        num(res.overheadBase),
        num(res.overheadPct),
        num(res.overhead),
        num(res.income),
        num(input.regulation?.result),
        num(input.regulation?.costBase),
        num(input.regulation?.retained),
        num(res.regulationIntoTariff),
        num(res.basis),
        res.occupancySource === 'given' ? 'angivet' : res.occupancySource === 'history' ? 'historik' : 'bruges ikke',
        (input.occupancyHistoryPct ?? []).join(' / '),
        num(input.occupancyPct),
        num(res.occupancyPctUsed),
        num(res.capacityUnits),
        res.levels.map((l) => `${l.name}: ${l.weight} × ${l.share} → ${l.tariff}`).join('; '),
        res.warnings.join(' '),
      ];
    }),
  };
}

/** The exact decimal cells of number columns as numbers, for Excel. */
function withNumbers(sheet: SheetSpec): SheetSpec {
  return { ...sheet, rows: sheet.rows.map((row) => row.map((cell, c) => (sheet.columns[c]!.numFmt && typeof cell === 'string' ? Number(cell) : cell))) };
}

export async function overviewXlsx(rows: OverviewRow[], inputs: Map<number, { input: CalcInput; rules: RulesSnapshot }>): Promise<Buffer> {
  return toXlsx([withNumbers(overviewSheet(rows)), calculationSheet(rows, inputs)]);
}

/** A percentage for a CSV cell with two decimals (stored with four: "5.2381" → "5,24"), as Excel's sheet shows it. */
export const pctCell = (v: string | null | undefined): string =>
  v === null || v === undefined || v === '' ? '' : formatForInput(new Dec(v).toFixed(2, Dec.ROUND_HALF_UP));

export function overviewCsv(rows: OverviewRow[]): string {
  const sheet = overviewSheet(rows);
  // Decimal commas, so Danish Excel reads the numbers; amounts are written exactly, percentages with two decimals.
  const cells = sheet.rows.map((row) =>
    row.map((cell, c) => {
      const format = sheet.columns[c]!.numFmt;
      if (!format || typeof cell !== 'string') return cell as string | number | boolean | null;
      return format === PCT ? pctCell(cell) : formatForInput(cell);
    }),
  );
  return toCsv(
    sheet.columns.map((c) => c.header),
    cells,
  );
}
