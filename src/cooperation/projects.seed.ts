/**
 * @module Demo data of the projects, deterministic: two of Sjælland's and (national scope) two of Syddanmark's
 * (an analysis of the communication area, a bridge-building project with the regional psychiatry), with purpose,
 * owner, period, status and results in our own words. Some of the areas' demo activities serve them.
 */
import type { SeedContext } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import type { ProjectStatus } from './projects.table.js';

type Seeded = {
  title: string;
  purpose: string;
  owner: string;
  start: string;
  end?: string;
  status: ProjectStatus;
  results?: string;
  evaluation?: string;
  servesFocusArea?: boolean;
  /** Titles of the area's demo activities that serve the project. */
  activities?: string[];
};

const SJAELLAND: Seeded[] = [
  {
    title: 'Fælles overblik over pladser til borgere med komplekse behov',
    purpose: 'At give kommunerne et fælles billede af udbud og efterspørgsel på de mest specialiserede pladser, så kapaciteten kan planlægges på tværs.',
    owner: 'Styregruppen for rammeaftalen',
    start: '2022-09-01',
    end: '2023-12-31',
    status: 'afsluttet',
    results: 'En årlig opgørelse af belægning og ventetid pr. målgruppe, som nu indgår i rammeaftalens styringsdel.',
    evaluation: 'Kommunerne bruger opgørelsen i deres egen planlægning; dataindsamlingen skal gøres lettere.',
    servesFocusArea: true,
  },
  {
    title: 'Udvikling af tilbud til unge med spiseforstyrrelser',
    purpose: 'At afdække behovet for et fælles tilbud og samle viden fra kommuner og regionens psykiatri.',
    owner: 'Udviklingsgruppen',
    start: '2023-08-15',
    status: 'igang',
    activities: ['Temadag om unge med spiseforstyrrelser'],
  },
];

const SYDDANMARK: Seeded[] = [
  {
    title: 'Analyse af det specialiserede kommunikationsområde',
    purpose:
      'At give Socialdirektørforum og regionen et vidensgrundlag for, om der også fremover er højt specialiserede ydelser nok på syns-, høre-, tale- og mobilitetsområdet.',
    owner: 'Socialdirektørforum (med ekstern konsulent)',
    start: '2021-03-01',
    end: '2022-02-28',
    status: 'afsluttet',
    results:
      'Ingen umiddelbar bekymring for tale-, høre- og mobilitetsområdet på kort sigt. På synsområdet er de stærke fagmiljøer vigtige at bevare. Forummet følger området.',
    evaluation: 'Analysen blev præsenteret på en temadag for kommunikationscentrene i maj 2022.',
    activities: ['Præsentation af kortlægningen af kommunikationsområdet'],
  },
  {
    title: 'Sammen om psykiatri',
    purpose: 'At bygge bro mellem kommunerne og regionspsykiatrien om de mest komplekse borgere, med et tæt samarbejde om den enkelte borgers forløb.',
    owner: 'Socialdirektørforum og Psykiatrien i Region Syddanmark',
    start: '2020-09-01',
    end: '2022-06-30',
    status: 'afsluttet',
    results: 'Fælles arbejdsgange mellem kommune og psykiatri om udvalgte borgere; erfaringerne blev samlet på en afsluttende online konference.',
    servesFocusArea: true,
    activities: ['Afsluttende online konference: Sammen om psykiatri'],
  },
];

async function seedArea(db: Queryable, code: string, list: readonly Seeded[]): Promise<number> {
  const area = await db.selectFrom('agreement_area').select('id').where('code', '=', code).executeTakeFirst();
  if (!area) return 0;
  const focus = await db
    .selectFrom('agreement_focus_area as f')
    .innerJoin('agreement as g', 'g.id', 'f.agreement_id')
    .select('f.id')
    .where('g.area_id', '=', area.id)
    .orderBy('g.period_start', 'desc')
    .orderBy('f.number')
    .orderBy('f.id')
    .executeTakeFirst();
  const ids = await db
    .insertInto('coop_project')
    .values(
      list.map((p) => ({
        area_id: area.id,
        title: p.title,
        purpose: p.purpose,
        owner: p.owner,
        starts_on: p.start,
        ends_on: p.end ?? null,
        status: p.status,
        results: p.results ?? null,
        evaluation: p.evaluation ?? null,
        focus_area_id: p.servesFocusArea && focus ? focus.id : null,
        created_by: 'system',
      })),
    )
    .returning('id')
    .execute();
  for (const [i, p] of list.entries())
    if (p.activities?.length)
      await db.updateTable('coop_activity').set({ project_id: ids[i]!.id }).where('area_id', '=', area.id).where('title', 'in', p.activities).execute();
  return list.length;
}

export async function seedProjects({ db, scope, log }: SeedContext): Promise<void> {
  let count = await seedArea(db, 'sjaelland', SJAELLAND);
  if (scope === 'national') count += await seedArea(db, 'syddanmark', SYDDANMARK);
  log(`${count} projekter i samarbejdet`);
}
