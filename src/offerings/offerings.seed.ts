/**
 * @module Demo offerings: a believable register for the areas in scope (about 300 in Sjælland, about 6,000
 * nationally), spread over operator types, legal bases, target groups and statuses, from a seed.
 */
import { sql } from 'kysely';
import type { SeedContext } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { validOn } from '../core/db/dated.js';
import { DEMO_AREA_BY_SCOPE } from '../core/seed/platform.seed.js';
import { intBetween, pick, weighted } from '../core/seed/random.js';
import type { OfferingRowValues } from './offerings.repository.js';

type Kind = { type: string; prefixes: string[]; bases: string[]; extra: string[]; children: boolean; places: [number, number]; weight: number };

const KINDS: Kind[] = [
  {
    type: 'botilbud',
    prefixes: ['Botilbuddet', 'Bostedet', 'Bofællesskabet'],
    bases: ['SEL-108', 'SEL-107'],
    extra: ['SEL-85', 'SEL-104'],
    children: false,
    places: [6, 40],
    weight: 26,
  },
  { type: 'botilbudslignende', prefixes: ['Boligerne', 'Bofællesskabet'], bases: ['ABL-105'], extra: ['SEL-85'], children: false, places: [8, 36], weight: 12 },
  {
    type: 'doegntilbud',
    prefixes: ['Børnehjemmet', 'Opholdsstedet', 'Døgninstitutionen'],
    bases: ['BL-43-6'],
    extra: ['BL-32', 'FSL-20-5'],
    children: true,
    places: [4, 24],
    weight: 12,
  },
  { type: 'aflastning', prefixes: ['Aflastningen', 'Aflastningshuset'], bases: ['BL-32', 'SEL-107'], extra: [], children: true, places: [4, 14], weight: 5 },
  {
    type: 'krisecenter',
    prefixes: ['Krisecentret', 'Herberget', 'Forsorgshjemmet'],
    bases: ['SEL-109', 'SEL-110'],
    extra: ['SEL-85a'],
    children: false,
    places: [8, 40],
    weight: 5,
  },
  {
    type: 'behandling',
    prefixes: ['Behandlingscentret', 'Rusmiddelcentret'],
    bases: ['SEL-101', 'SEL-101a', 'SUL-141', 'SEL-102'],
    extra: [],
    children: false,
    places: [10, 80],
    weight: 8,
  },
  {
    type: 'dagtilbud',
    prefixes: ['Aktivitetshuset', 'Værestedet', 'Dagcentret'],
    bases: ['SEL-104'],
    extra: ['SEL-103'],
    children: false,
    places: [15, 80],
    weight: 12,
  },
  { type: 'beskaeftigelse', prefixes: ['Værkstedet', 'Beskæftigelsen'], bases: ['SEL-103'], extra: ['SEL-104'], children: false, places: [15, 70], weight: 7 },
  {
    type: 'ambulant',
    prefixes: ['Støttecentret', 'Bostøtten', 'Teamet'],
    bases: ['SEL-85', 'SEL-82b', 'SEL-85a'],
    extra: ['SEL-82a'],
    children: false,
    places: [20, 150],
    weight: 8,
  },
  {
    type: 'specialundervisning',
    prefixes: ['Specialskolen', 'Kommunikationscentret', 'Skolen ved'],
    bases: ['FSL-20-2', 'FSL-20-3', 'LSV-1'],
    extra: [],
    children: true,
    places: [20, 120],
    weight: 5,
  },
];

const NAMES = [
  'Egely',
  'Skovbrynet',
  'Lærkereden',
  'Solbakken',
  'Kastanjegården',
  'Engen',
  'Fjorden',
  'Bakkehuset',
  'Nørrelyng',
  'Møllen',
  'Havebo',
  'Kildebakken',
  'Strandvejen',
  'Bøgehegnet',
  'Rønnebærhuset',
  'Lindegården',
  'Vibeholm',
  'Åbrinken',
  'Tjørnely',
  'Mågevej',
  'Hyldebo',
  'Stjernen',
  'Regnbuen',
  'Ankerhuset',
  'Klinten',
  'Pilegården',
  'Birkely',
  'Kornblomsten',
  'Granhøj',
  'Lyngbo',
  'Sydhavn',
  'Toftegården',
  'Ellebo',
  'Vestervang',
  'Østbo',
  'Spiren',
  'Fyrtårnet',
  'Holmen',
  'Saltværket',
  'Ravnsborg',
];
const STREETS = [
  'Skolevej',
  'Møllevej',
  'Kirkevej',
  'Stationsvej',
  'Parkvej',
  'Skovvej',
  'Engvej',
  'Strandvejen',
  'Bakkevej',
  'Nørregade',
  'Vestergade',
  'Søndergade',
  'Østergade',
  'Ringvejen',
  'Lindevej',
  'Birkevej',
  'Fasanvej',
  'Mosevej',
  'Åvej',
  'Havnevej',
];
const POSTAL: Record<string, [number, number]> = {
  hovedstaden: [1000, 3699],
  sjaelland: [4000, 4999],
  syddanmark: [5000, 6999],
  midtjylland: [7000, 8999],
  nordjylland: [9000, 9999],
};
const TILSYN: Record<string, string> = { hovedstaden: 'hovedstaden', sjaelland: 'oest', syddanmark: 'syd', midtjylland: 'midt', nordjylland: 'nord' };
/** The host municipality's offerings are supervised by another socialtilsyn (DOMAIN.md 4). */
const HOST_OVERRIDE: Record<number, string> = { 147: 'oest', 316: 'hovedstaden', 430: 'midt', 740: 'nord', 860: 'midt' };

const CHILD_GROUPS = [
  'kog-autisme',
  'kog-adhd',
  'psyk-tilknytning',
  'soc-boern-unge',
  'kog-udviklingshaemning',
  'fys-hoerelse',
  'fys-syn',
  'fys-kommunikation',
];
const ADULT_GROUPS = [
  'kog-udviklingshaemning',
  'kog-autisme',
  'kog-hjerneskade',
  'psyk-psykose',
  'psyk-angst',
  'psyk-depression',
  'psyk-personlighed',
  'soc-misbrug',
  'soc-hjemloeshed',
  'soc-vold',
  'fys-mobilitet',
  'fys-doevblind',
  'kog-demens',
];

export async function seedOfferings({ db, clock, scope, random, log }: SeedContext): Promise<void> {
  const today = clock.today();
  const isoDaysAgo = (days: number) => addDays(today, -days);
  const areaCodes = DEMO_AREA_BY_SCOPE[scope];
  const target = scope === 'national' ? 6000 : 300;
  const municipalities = await db
    .selectFrom('municipality_region as mr')
    .innerJoin('organisation as o', 'o.municipality_code', 'mr.municipality_code')
    .innerJoin('municipality as m', 'm.code', 'mr.municipality_code')
    .select(['m.code', 'm.name', 'mr.region_id', 'o.id as org_id'])
    .where('mr.region_id', 'in', [...areaCodes])
    // The regions as they were in 2026 (before the 2027 merger), so the demo register keeps its shape.
    .where(validOn('mr', '2026-01-01'))
    .orderBy('m.code')
    .execute();
  const regionOrgs = await db.selectFrom('organisation').select(['id', 'region_id']).where('kind', '=', 'region').execute();
  const providers = await db.selectFrom('organisation').select(['id', 'region_id']).where('kind', '=', 'provider').orderBy('id').execute();
  // Larger municipalities run more offerings: a fixed random weight per municipality.
  const weights = municipalities.map((m) => [m, 0.4 + random() * 1.6] as const);
  const usedNames = new Set<string>();
  const rows: Array<{ values: OfferingRowValues; extra: string[]; groups: string[]; updatedDaysAgo: number }> = [];
  for (let i = 0; i < target; i++) {
    const m = weighted(random, weights);
    const kind = weighted(
      random,
      KINDS.map((k) => [k, k.weight] as const),
    );
    const operatorType = weighted(random, [
      ['kommunal', 55],
      ['regional', kind.type === 'specialundervisning' || kind.type === 'doegntilbud' ? 15 : 8],
      ['privat', 30],
      ['selvejende', 6],
    ] as const);
    const regionProviders = providers.filter((p) => p.region_id === m.region_id);
    const providerOrg =
      operatorType === 'privat' || operatorType === 'selvejende' ? pick(random, regionProviders.length ? regionProviders : providers).id : null;
    const operatorOrg =
      operatorType === 'kommunal' ? m.org_id : operatorType === 'regional' ? regionOrgs.find((r) => r.region_id === m.region_id)!.id : providerOrg!;
    // A provider is either self-governing or private for all its offerings (every fifth is self-governing).
    const operatorTypeUsed = providerOrg === null ? operatorType : providerOrg % 5 === 0 ? 'selvejende' : 'privat';
    let name = `${pick(random, kind.prefixes)} ${pick(random, NAMES)}`;
    if (usedNames.has(`${name}|${m.code}`)) name = `${name} ${m.name}`;
    if (usedNames.has(`${name}|${m.code}`)) name = `${name} ${i}`;
    usedNames.add(`${name}|${m.code}`);
    const primary = pick(random, kind.bases);
    const children = kind.children && !(primary === 'SEL-107' || primary === 'LSV-1');
    const extra = kind.extra.filter((e) => e !== primary && random() < 0.35);
    const groupPool = children ? CHILD_GROUPS : ADULT_GROUPS;
    const groups = [...new Set(Array.from({ length: intBetween(random, 1, 3) }, () => pick(random, groupPool)))];
    const status = weighted(random, [
      ['aktiv', 90],
      ['lukket_for_indskrivning', 4],
      ['under_afvikling', 3],
      ['lukket', 3],
    ] as const);
    const [pMin, pMax] = POSTAL[m.region_id] ?? [4000, 4999];
    const protection =
      m.region_id === 'hovedstaden' && random() < 0.04
        ? 'mest_specialiseret'
        : m.region_id === 'nordjylland' && random() < 0.04
          ? 'forstaerket_samarbejde'
          : // Sjælland (the demo and test scope) gets a few protected offerings too, without drawing another number.
            m.region_id === 'sjaelland' && i % 50 === 7
            ? 'mest_specialiseret'
            : 'ingen';
    const approvalDaysAgo = intBetween(random, 200, 4000);
    rows.push({
      values: {
        name,
        operator_org_id: operatorOrg,
        operator_type: operatorTypeUsed,
        address: `${pick(random, STREETS)} ${intBetween(random, 1, 180)}`,
        postal_code: String(intBetween(random, pMin, pMax)),
        city: m.name,
        municipality_code: m.code,
        offering_type: kind.type,
        primary_legal_basis: primary,
        places: intBetween(random, kind.places[0], kind.places[1]),
        age_min: children ? pick(random, [0, 6, 12, 13]) : 18,
        age_max: children ? pick(random, [17, 18, 22]) : pick(random, [30, 65, 99]),
        status,
        status_since: status === 'aktiv' ? isoDaysAgo(approvalDaysAgo) : isoDaysAgo(intBetween(random, 10, 300)),
        socialtilsyn_code: HOST_OVERRIDE[m.code] ?? TILSYN[m.region_id] ?? 'oest',
        approval_date: isoDaysAgo(approvalDaysAgo),
        is_covered: random() < 0.92,
        protection,
        description: `${name} er et ${kind.type === 'specialundervisning' ? 'undervisningstilbud' : 'tilbud'} i ${m.name} for ${children ? 'børn og unge' : 'voksne'}. Tilbuddet arbejder med en rehabiliterende og recoveryorienteret tilgang og samarbejder tæt med pårørende og myndighed.`,
        contact_name: pick(random, ['Anne Holm', 'Jens Krogh', 'Mette Lund', 'Peter Dahl', 'Sofie Berg', 'Karim Nielsen', 'Hanne Friis', 'Ole Bach']),
        contact_email: `kontakt${i + 1}@tilbud.example.dk`,
        contact_phone: `${intBetween(random, 20, 99)} ${intBetween(random, 10, 99)} ${intBetween(random, 10, 99)} ${intBetween(random, 10, 99)}`,
      },
      extra,
      groups,
      // About a fifth of the register has not been updated for over a year (the indicator's point).
      updatedDaysAgo: random() < 0.78 ? intBetween(random, 1, 360) : intBetween(random, 370, 900),
    });
  }
  const now = clock.now().toISOString();
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const ids = await db
      .insertInto('offering')
      .values(
        batch.map((r) => ({
          ...r.values,
          created_at: sql<Date>`${now}::timestamptz - make_interval(days => ${r.updatedDaysAgo + 30})`,
          updated_at: sql<Date>`${now}::timestamptz - make_interval(days => ${r.updatedDaysAgo})`,
        })),
      )
      .returning('id')
      .execute();
    const links = batch.flatMap((r, j) => r.extra.map((c) => ({ offering_id: ids[j]!.id, legal_basis_code: c })));
    if (links.length) await db.insertInto('offering_legal_basis').values(links).execute();
    await db
      .insertInto('offering_target_group')
      .values(batch.flatMap((r, j) => r.groups.map((c) => ({ offering_id: ids[j]!.id, target_group_code: c }))))
      .execute();
  }
  log(`${rows.length} tilbud`);
}
