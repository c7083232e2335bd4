/**
 * @module Demo data for analysis, in the shape imports give: population 2016-2025 for the age bands 0-22 and 18-64
 * of all 98 municipalities (national scope; Sjælland's 17 and every twelfth other in the small scope) (FOLK1A), projections to 2035 (FRKM125), recipients (HAND07; children placed: ANBAAR1)
 * and net spending in 1.000 kr. (REGK31) per municipality and target group, with believable trends. Sjælland's
 * municipalities repeat seed 002's picture for adults in residential care: many more users (+5 % a year) while the
 * unit cost falls (−3 % a year). Deterministic from the seed (no Math.exp: only products of the seed's numbers);
 * all values go in with one statement per series. Every series says it is demo data.
 */
import type { SeedContext } from '../core/capability.js';
import { municipalities, municipalityCodesOfArea } from '../reference/reference.public.js';
import { seedAssessments } from './assessment.seed.js';
import { insertSeries, insertValues, type NewSeries, type NewValue } from './series.repository.js';

export const DEMO_SOURCE = 'Demodata i Statistikbankens form (ikke rigtige tal)';
const HISTORY = { from: 2016, to: 2025 };
const PROJECTION = { from: 2026, to: 2035 };
/** Rough sizes of the largest municipalities; the rest are drawn. */
const KNOWN_SIZE: Record<number, number> = { 101: 650000, 751: 360000, 851: 220000, 461: 205000, 561: 120000, 147: 105000 };

type Municipality = { code: number; size: number; growth: number; isSjaelland: boolean; draws: number[] };

/** 1 + r raised to n, by multiplication (deterministic everywhere). */
const grow = (rate: number, years: number) => {
  let f = 1;
  for (let i = 0; i < years; i++) f *= 1 + rate;
  return f;
};
const between = (u: number, lo: number, hi: number) => lo + u * (hi - lo);

type Group = {
  recipientCategories: [string, string, number][];
  functions: [string, string, number][];
  band: '0-22' | '18-64';
  rate: [number, number];
  rateGrowth: (m: Municipality) => number;
  unitCost: [number, number];
  unitGrowth: (m: Municipality) => number;
};
const GROUPS: Group[] = [
  {
    recipientCategories: [['30181', '30181 Længerevarende botilbud (§ 108)', 1]],
    functions: [['5.38.50', '5.38.50 Botilbud til længerevarende ophold (§ 108)', 1]],
    band: '18-64',
    rate: [2.4, 4.6],
    rateGrowth: (m) => (m.isSjaelland ? 0.05 : between(m.draws[4]!, 0.005, 0.025)),
    unitCost: [780000, 1050000],
    unitGrowth: (m) => (m.isSjaelland ? -0.03 : between(m.draws[5]!, 0.01, 0.03)),
  },
  {
    recipientCategories: [
      ['30014', '30014 Beskyttet beskæftigelse (§ 103)', 0.4],
      ['30011', '30011 Aktivitets- og samværstilbud (§ 104)', 0.6],
    ],
    functions: [
      ['5.38.58', '5.38.58 Beskyttet beskæftigelse (§ 103)', 0.35],
      ['5.38.59', '5.38.59 Aktivitets- og samværstilbud (§ 104)', 0.65],
    ],
    band: '18-64',
    rate: [5, 9],
    rateGrowth: (m) => between(m.draws[6]!, -0.005, 0.015),
    unitCost: [140000, 210000],
    unitGrowth: (m) => between(m.draws[7]!, 0.005, 0.02),
  },
  {
    recipientCategories: [['anbragte', 'Anbragte børn og unge (0-22 år)', 1]],
    functions: [
      ['5.28.21', '5.28.21 Plejefamilier', 0.35],
      ['5.28.22', '5.28.22 Opholdssteder for børn og unge', 0.3],
      ['5.28.23', '5.28.23 Døgninstitutioner for børn og unge', 0.35],
    ],
    band: '0-22',
    rate: [5, 10],
    rateGrowth: (m) => (m.isSjaelland ? -0.015 : between(m.draws[8]!, -0.02, 0.005)),
    unitCost: [420000, 880000],
    unitGrowth: (m) => between(m.draws[9]!, 0.01, 0.04),
  },
];

const series = (tableId: string, kind: NewSeries['kind'], unit: string, scale: string, downloadedOn: string): NewSeries => ({
  tableId,
  kind,
  unit,
  scale,
  source: DEMO_SOURCE,
  downloadedOn,
  importedBy: null,
  isDemo: true,
});

export async function seedAnalysis({ db, clock, scope, random, log }: SeedContext): Promise<void> {
  const started = Date.now();
  const sjaelland = new Set(await municipalityCodesOfArea(db, { code: 'sjaelland' }, '2025-06-30'));
  // The national demo has every municipality; the small one (tests) Sjælland's and every twelfth other one, for comparison.
  const all = (await municipalities(db)).filter((m, i) => scope === 'national' || sjaelland.has(m.code) || i % 12 === 0);
  const places: Municipality[] = all.map((m) => {
    const draws = Array.from({ length: 12 }, () => random());
    const size = KNOWN_SIZE[m.code] ?? Math.round(12000 * grow(0.25, Math.floor(draws[0]! * 10)) * between(draws[1]!, 0.8, 1.25));
    return { code: m.code, size, growth: between(draws[2]!, -0.008, 0.014), isSjaelland: sjaelland.has(m.code), draws };
  });

  const population: NewValue[] = [];
  const projection: NewValue[] = [];
  const bandShare = { '0-22': 0.27, '18-64': 0.6 } as const;
  const popOf = new Map<string, number>();
  for (const m of places)
    for (let y = HISTORY.from; y <= PROJECTION.to; y++)
      for (const band of ['0-22', '18-64'] as const) {
        const damp = y > HISTORY.to ? 0.7 : 1;
        const base = m.size * bandShare[band] * between(m.draws[band === '0-22' ? 3 : 10]!, 0.9, 1.1);
        const n = Math.round(base * grow(m.growth, Math.min(y, HISTORY.to) - HISTORY.from) * grow(m.growth * damp, Math.max(0, y - HISTORY.to)));
        popOf.set(`${m.code}|${y}|${band}`, n);
        (y <= HISTORY.to ? population : projection).push({ municipalityCode: m.code, year: y, category: band, label: `${band} år`, value: String(n) });
      }

  const recipients: NewValue[] = [];
  const placed: NewValue[] = [];
  const spending: NewValue[] = [];
  for (const m of places)
    GROUPS.forEach((g, gi) => {
      const rate0 = between(m.draws[(gi * 3 + 1) % 12]!, g.rate[0], g.rate[1]);
      const unit0 = between(m.draws[(gi * 3 + 2) % 12]!, g.unitCost[0], g.unitCost[1]);
      for (let y = HISTORY.from; y <= HISTORY.to; y++) {
        const t = y - HISTORY.from;
        const pop = popOf.get(`${m.code}|${y}|${g.band}`)!;
        const noise = 1 + (random() - 0.5) * 0.06;
        const users = Math.max(1, Math.round(((pop * rate0) / 1000) * grow(g.rateGrowth(m), t) * noise));
        const unit = unit0 * grow(g.unitGrowth(m), t) * (1 + (random() - 0.5) * 0.04);
        for (const [category, label, share] of g.recipientCategories)
          (category === 'anbragte' ? placed : recipients).push({
            municipalityCode: m.code,
            year: y,
            category,
            label,
            value: String(Math.max(1, Math.round(users * share))),
          });
        for (const [category, label, share] of g.functions)
          spending.push({ municipalityCode: m.code, year: y, category, label, value: String(Math.round((users * unit * share) / 1000)) });
      }
    });

  const at = clock.now();
  const write = async (s: NewSeries, rows: NewValue[]) => {
    const saved = await insertSeries(db, s, rows.length, at);
    await insertValues(db, saved.id, rows);
  };
  await write(series('FOLK1A', 'population', 'personer', '1', '2025-02-11'), population);
  await write(series('FRKM125', 'projection', 'personer', '1', '2025-06-02'), projection);
  await write(series('HAND07', 'recipients', 'modtagere', '1', '2025-03-20'), recipients);
  await write(series('ANBAAR1', 'recipients', 'modtagere', '1', '2025-07-01'), placed);
  await write(series('REGK31', 'spending', '1.000 kr.', '1000', '2025-05-15'), spending);
  const total = population.length + projection.length + recipients.length + placed.length + spending.length;
  log(`${total} tal i 5 serier for ${places.length} kommuner på ${Date.now() - started} ms`);
  await seedAssessments({ db, clock, scope, random, log });
}
