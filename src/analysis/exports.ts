/**
 * @module The analysis tables as Excel sheets: the same rows the pages show, with exact numbers (kroner and counts
 * as numbers, ratios with two decimals).
 */
import type { SheetSpec } from '../core/tabular/xlsx.js';
import type { Figures } from './benchmark.js';
import type { BenchmarkView, GrowthView } from './benchmark.service.js';
import type { ForecastView } from './forecast.service.js';

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const figureCells = (f: Figures) => [num(f.population), num(f.recipients), num(f.spending), num(f.spendingPerCapita), num(f.userSharePer1000), num(f.unitCost)];

export function benchmarkSheet(v: BenchmarkView): SheetSpec {
  return {
    name: 'Benchmark',
    columns: [
      { header: 'Kommune', width: 28 },
      { header: 'Kommunekode' },
      { header: `Indbyggere ${v.group.ageBand} år`, numFmt: '#,##0' },
      { header: 'Modtagere', numFmt: '#,##0.00' },
      { header: 'Nettoudgift (kr.)', numFmt: '#,##0' },
      { header: `Udgift pr. ${v.group.ageBandLabel} (kr.)`, numFmt: '#,##0.00' },
      { header: 'Modtagere pr. 1.000', numFmt: '#,##0.00' },
      { header: 'Udgift pr. modtager (kr.)', numFmt: '#,##0.00' },
    ],
    rows: [
      ...v.municipalities.map((m) => [m.name, m.code, ...figureCells(m.figures)]),
      [`${v.area.name} (samlet)`, null, ...figureCells(v.areaFigures)],
      ['Hele landet', null, ...figureCells(v.countryFigures)],
      [`Sammenligningsgruppe: ${v.peers.map((p) => p.name).join(', ')}`, null, ...figureCells(v.peerFigures)],
    ],
  };
}

export function growthSheet(v: GrowthView): SheetSpec {
  return {
    name: 'Udgiftsvækst',
    columns: [
      { header: 'Kommune', width: 28 },
      { header: 'Kommunekode' },
      { header: `Udgift ${v.from} (kr.)`, numFmt: '#,##0.00' },
      { header: `Udgift ${v.to} (kr.)`, numFmt: '#,##0.00' },
      { header: 'Ændring (kr.)', numFmt: '#,##0.00' },
      { header: 'Demografi (kr.)', numFmt: '#,##0.00' },
      { header: 'Brugerandel (kr.)', numFmt: '#,##0.00' },
      { header: 'Enhedsudgift (kr.)', numFmt: '#,##0.00' },
    ],
    rows: [...v.lines, v.areaLine].map((l) => [
      l.code === null ? `${l.name} (samlet)` : l.name,
      l.code,
      num(l.from.spending),
      num(l.to.spending),
      num(l.split?.totalChange),
      num(l.split?.demographic),
      num(l.split?.userShare),
      num(l.split?.unitCost),
    ]),
  };
}

export function forecastSheet(v: ForecastView): SheetSpec {
  return {
    name: 'Prognose',
    columns: [
      { header: 'År' },
      { header: 'Modtagere (historik)', numFmt: '#,##0.00' },
      ...v.methods.flatMap((m) => [{ header: `${m.label} (prognose)`, numFmt: '#,##0.00' }]),
      { header: `Indbyggere ${v.group.ageBand} år`, numFmt: '#,##0' },
      ...(v.stockFlow?.result ? [{ header: 'Kontrakter i Ramme ved årets udgang' }, { header: `${v.stockFlow.label} (prognose)`, numFmt: '#,##0.00' }] : []),
    ],
    rows: v.table.map((r) => [
      r.year,
      num(r.history),
      ...r.forecasts.map(num),
      num(r.population),
      ...(v.stockFlow?.result
        ? [v.stockFlow.history.find((h) => h.year === r.year)?.stock ?? null, num(v.stockFlow.result.forecast.find((f) => f.year === r.year)?.value)]
        : []),
    ]),
  };
}
