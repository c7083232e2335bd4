/**
 * @module Demo "redegørelser": every Sjælland municipality's assessment of supply against need for last year, and
 * most of them for this year (Holbæk, the demo authority user's municipality, has not answered yet). Adults in
 * residential care are scored low (places are short, as the capacity picture shows), day offers higher.
 * Deterministic from the seed.
 */
import type { SeedContext } from '../core/capability.js';
import { membersOfArea, referenceTables } from '../reference/reference.public.js';
import { groups } from './analysis.repository.js';
import { insertAssessment, replaceAnswers } from './assessment.repository.js';

const COMMENTS: Record<string, string[]> = {
  'voksne-botilbud': [
    'Der mangler pladser i længerevarende botilbud til borgere med udviklingshæmning og udadreagerende adfærd; ventetiden er op til et år.',
    'Vi køber flere pladser uden for området end før, især til yngre borgere med autisme.',
    'Udbuddet dækker behovet, men flere borgere bliver boende længere end forventet.',
  ],
  'voksne-dagtilbud': [
    'Aktivitets- og samværstilbud dækker behovet; beskyttet beskæftigelse har ledige pladser.',
    'Vi mangler dagtilbud tæt på borgernes bopæl.',
  ],
  'boern-anbringelse': [
    'Der er for få pladser på døgninstitutioner til unge med svære psykiske vanskeligheder.',
    'Flere anbringelser i plejefamilier har mindsket behovet for døgnpladser.',
  ],
};
const BASE: Record<string, number> = { 'voksne-botilbud': 2, 'voksne-dagtilbud': 4, 'boern-anbringelse': 3 };

export async function seedAssessments({ db, clock, random, log }: SeedContext): Promise<void> {
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const area = (await referenceTables(db)).areas.find((a) => a.code === 'sjaelland');
  if (!area) return;
  const municipalities = (await membersOfArea(db, area.id, today)).filter((m) => m.kind === 'municipality');
  const allGroups = await groups(db);
  let n = 0;
  for (const y of [year - 1, year])
    for (const m of municipalities) {
      if (y === year && (m.name.includes('Holbæk') || random() < 0.3)) continue;
      const id = await insertAssessment(db, { area_id: area.id, organisation_id: m.id, year: y, updated_by: 'demo-myndighed' });
      await replaceAnswers(
        db,
        id,
        allGroups.map((g) => {
          const score = Math.min(5, Math.max(1, (BASE[g.code] ?? 3) + Math.floor(random() * 3) - 1));
          const texts = COMMENTS[g.code] ?? [];
          return { group: g.code, score, comment: random() < 0.6 && texts.length ? texts[Math.floor(random() * texts.length)]! : null };
        }),
      );
      n++;
    }
  log(`${n} redegørelser`);
}
