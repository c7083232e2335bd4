/**
 * @module Benchmarks and "why does spending grow?": one target group's figures per municipality in an agreement
 * area for a year, compared with the area, the country and a peer group (chosen, or the nearest by size); the
 * LMDI split between two years per municipality and for the area; and the imported rows behind any figure.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { notFound } from '../core/errors.js';
import { municipalities, municipalityCodesOfArea, referenceTables } from '../reference/reference.public.js';
import { currentSeries, groupFacts, groups, observedYears as yearsWithRecipients, sourceRows, type FactRow } from './analysis.repository.js';
import { figuresOf, nearestBySize, type Facts, type Figures } from './benchmark.js';
import { decompose, type Decomposition } from './decompose.js';
import './analysis.policy.js';

export const AGE_BAND_LABEL: Record<string, string> = { '18-64': '18-64-årig', '0-22': '0-22-årig', '0-17': '0-17-årig', alle: 'indbygger' };

export type AnalysisScopeQuery = { group?: string; area?: string; municipality?: number };

const toFacts = (r: FactRow): Facts => ({
  municipalityCode: r.municipality_code,
  year: r.year,
  population: r.population,
  recipients: r.recipients,
  spending: r.spending,
});

/**
 * The common frame of the analysis pages: the group, the area, its municipalities, names, the sources, and the
 * figures of the years `pick` chooses from the years with recipients.
 */
async function frame(ctx: Ctx, q: AnalysisScopeQuery, pick: (years: number[]) => number[]) {
  const [allGroups, names, ref, series] = await Promise.all([groups(ctx.db), municipalities(ctx.db), referenceTables(ctx.db), currentSeries(ctx.db)]);
  const group = allGroups.find((g) => g.code === q.group) ?? allGroups[0];
  if (!group) throw notFound('Der er ingen målgrupper i analysen.');
  const today = ctx.clock.today();
  const areas = ref.areas.filter((a) => a.valid_from <= today && (a.valid_to === null || a.valid_to >= today));
  const ownArea = areas.find((a) => ctx.actor?.areaIds.includes(a.id));
  const area = areas.find((a) => a.code === q.area) ?? ownArea ?? areas.find((a) => a.code === 'sjaelland') ?? areas[0];
  if (!area) throw notFound('Der er ingen rammeaftaleområder.');
  const areaCodes = await municipalityCodesOfArea(ctx.db, { id: area.id }, today);
  const observedYears = await yearsWithRecipients(ctx.db, group.code);
  const rows = await groupFacts(ctx.db, group.code, pick(observedYears));
  const nameOf = new Map(names.map((m) => [m.code, m.name]));
  const withData = new Set(rows.map((r) => r.municipality_code));
  const areaMunicipalities = areaCodes.filter((c) => withData.has(c)).map((c) => ({ code: c, name: nameOf.get(c) ?? String(c) }));
  const focus = areaMunicipalities.find((m) => m.code === q.municipality)?.code ?? areaMunicipalities[0]?.code ?? null;
  return {
    group: { code: group.code, name: group.name, ageBand: group.age_band, ageBandLabel: AGE_BAND_LABEL[group.age_band] ?? group.age_band },
    groups: allGroups.map((g) => ({ code: g.code, name: g.name })),
    area: { code: area.code, name: area.name },
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
    areaMunicipalities,
    allMunicipalities: names.filter((m) => withData.has(m.code)),
    focus,
    rows,
    observedYears,
    nameOf,
    series,
  };
}

export type BenchmarkQuery = AnalysisScopeQuery & { year?: number; peers?: number[] };
export type BenchmarkLine = { code: number | null; name: string; figures: Figures };

export async function benchmarks(ctx: Ctx, q: BenchmarkQuery) {
  requireAccess(ctx, 'analysis.read', null);
  const yearOf = (years: number[]) => (q.year !== undefined && years.includes(q.year) ? q.year : (years[years.length - 1] ?? null));
  const f = await frame(ctx, q, (years) => [yearOf(years)].filter((y): y is number => y !== null));
  const year = yearOf(f.observedYears);
  const yearFacts = f.rows.filter((r) => r.year === year).map(toFacts);
  const byCode = new Map(yearFacts.map((x) => [x.municipalityCode, x]));
  const inArea = new Set(f.areaMunicipalities.map((m) => m.code));
  const isChosen = (q.peers ?? []).some((c) => byCode.has(c));
  const peers = isChosen ? [...new Set(q.peers)].filter((c) => byCode.has(c) && c !== f.focus) : f.focus === null ? [] : nearestBySize(f.focus, yearFacts);
  const pick = (codes: Iterable<number>) => [...codes].map((c) => byCode.get(c)).filter((x): x is Facts => !!x);
  const municipalityLines: BenchmarkLine[] = f.areaMunicipalities.map((m) => ({ code: m.code, name: m.name, figures: figuresOf(pick([m.code])) }));
  return {
    ...f,
    year,
    municipalities: municipalityLines,
    area: f.area,
    areaFigures: figuresOf(yearFacts.filter((x) => inArea.has(x.municipalityCode))),
    countryFigures: figuresOf(yearFacts),
    peers: peers.map((c) => ({ code: c, name: f.nameOf.get(c) ?? String(c) })),
    isPeersChosen: isChosen,
    peerFigures: figuresOf(pick(peers)),
  };
}
export type BenchmarkView = Awaited<ReturnType<typeof benchmarks>>;

export type GrowthQuery = AnalysisScopeQuery & { from?: number; to?: number };
export type GrowthLine = { code: number | null; name: string; from: Figures; to: Figures; split: Decomposition | null };

const splitOf = (a: Figures, b: Figures): Decomposition | null => {
  const parts = [a.population, a.recipients, a.spending, b.population, b.recipients, b.spending];
  if (parts.some((p) => p === null || Number(p) <= 0)) return null;
  return decompose(
    { population: a.population!, recipients: a.recipients!, spending: a.spending! },
    { population: b.population!, recipients: b.recipients!, spending: b.spending! },
  );
};

export async function growth(ctx: Ctx, q: GrowthQuery) {
  requireAccess(ctx, 'analysis.read', null);
  const toOf = (years: number[]) => (q.to !== undefined && years.includes(q.to) ? q.to : (years[years.length - 1] ?? null));
  const fromOf = (years: number[]) => {
    const to = toOf(years);
    return q.from !== undefined && years.includes(q.from) && (to === null || q.from < to) ? q.from : (years[0] ?? null);
  };
  const f = await frame(ctx, q, (years) => [fromOf(years), toOf(years)].filter((y): y is number => y !== null));
  const to = toOf(f.observedYears);
  const from = fromOf(f.observedYears);
  const at = (year: number | null) => new Map(f.rows.filter((r) => r.year === year).map((r) => [r.municipality_code, toFacts(r)]));
  const a = at(from);
  const b = at(to);
  // The area's sums cover the municipalities with figures in both years, so the split compares like with like.
  const has = (m: Map<number, Facts>, code: number) => figuresOf(m.has(code) ? [m.get(code)!] : []).municipalityCount === 1;
  const both = f.areaMunicipalities.filter((m) => has(a, m.code) && has(b, m.code));
  const lineOf = (code: number | null, name: string, codes: number[]): GrowthLine => {
    const fa = figuresOf(codes.map((c) => a.get(c)).filter((x): x is Facts => !!x));
    const fb = figuresOf(codes.map((c) => b.get(c)).filter((x): x is Facts => !!x));
    return { code, name, from: fa, to: fb, split: splitOf(fa, fb) };
  };
  const areaLine = lineOf(
    null,
    f.area.name,
    both.map((m) => m.code),
  );
  const lines = f.areaMunicipalities.map((m) => lineOf(m.code, m.name, [m.code]));
  const focusLine = lines.find((l) => l.code === f.focus) ?? null;
  return { ...f, from, to, areaLine, lines, focusLine };
}
export type GrowthView = Awaited<ReturnType<typeof growth>>;

/** The imported rows behind one municipality's figures of a group in a year. */
export async function figureSources(ctx: Ctx, q: { group: string; municipality: number; year: number }) {
  requireAccess(ctx, 'analysis.read', null);
  const [allGroups, names] = await Promise.all([groups(ctx.db), municipalities(ctx.db)]);
  const group = allGroups.find((g) => g.code === q.group);
  const name = names.find((m) => m.code === q.municipality)?.name;
  if (!group || !name) throw notFound('Målgruppen eller kommunen findes ikke.');
  const rows = await sourceRows(ctx.db, group.code, q.municipality, q.year);
  return { group: { code: group.code, name: group.name, ageBand: group.age_band }, municipality: { code: q.municipality, name }, year: q.year, rows };
}
export type SourcesView = Awaited<ReturnType<typeof figureSources>>;
