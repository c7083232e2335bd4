/**
 * @module Demo data of the activities, deterministic: Sjælland's and (national scope) Syddanmark's theme days,
 * conferences, network, information and political meetings of 2022 and 2023, in the spirit of an area's yearly
 * report (tema, målgruppe, dato, afholdt af, deltagere), with short evaluation notes. A few serve the first focus
 * area of the area's newest agreement.
 */
import type { SeedContext } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import type { ActivityKind } from './activities.table.js';

type Seeded = {
  kind: ActivityKind;
  title: string;
  audience: string;
  date: string;
  endDate?: string;
  organisers: string;
  place: string;
  registrations?: number;
  participants?: number;
  evaluation?: string;
  servesFocusArea?: boolean;
};

const SJAELLAND: Seeded[] = [
  {
    kind: 'temadag',
    title: 'Temadag om borgere med komplekse psykiatriske problemstillinger',
    audience: 'Ledere og fagpersoner fra kommunernes socialpsykiatri og regionens psykiatri',
    date: '2022-03-24',
    organisers: 'Styregruppen for rammeaftalen og Psykiatrien Region Sjælland',
    place: 'Ringsted Kongrescenter',
    registrations: 118,
    participants: 104,
    evaluation: 'Deltagerne fremhævede oplæggene om fælles udredning. Ønske om en opfølgende dag med cases fra praksis.',
    servesFocusArea: true,
  },
  {
    kind: 'informationsmoede',
    title: 'Informationsmøde om takstberegning og indberetning af takster',
    audience: 'Økonomimedarbejdere og tilbudsledere i kommuner og region',
    date: '2022-08-30',
    organisers: 'Økonomigruppen',
    place: 'Online',
    registrations: 72,
    participants: 65,
    evaluation: 'Spørgsmålene handlede mest om efterreguleringer. Præsentationen er lagt ud til deltagerne.',
  },
  {
    kind: 'netvaerksmoede',
    title: 'Netværksmøde for udbydere af botilbud',
    audience: 'Ledere af kommunale, regionale og private botilbud',
    date: '2022-11-15',
    organisers: 'Udbydernetværket',
    place: 'Holbæk Rådhus',
    registrations: 41,
    participants: 37,
  },
  {
    kind: 'politisk_moede',
    title: 'Politisk møde om det specialiserede socialområde',
    audience: 'Formænd for de sociale udvalg, socialdirektører',
    date: '2023-02-02',
    organisers: 'KKR Sjælland og styregruppen',
    place: 'Sorø Akademi',
    registrations: 46,
    participants: 43,
    evaluation: 'Drøftelsen om kapacitet og tværkommunale løsninger blev taget med i arbejdet med den næste rammeaftale.',
    servesFocusArea: true,
  },
  {
    kind: 'konference',
    title: 'Konference: Fælles om de mest specialiserede tilbud',
    audience: 'Ledere og nøglepersoner fra kommuner, region og private tilbud',
    date: '2023-05-10',
    endDate: '2023-05-11',
    organisers: 'Styregruppen for rammeaftalen',
    place: 'Comwell Køge Strand',
    registrations: 160,
    participants: 148,
    evaluation: 'Høj tilfredshed med workshops. Flere efterspurgte mere tid til erfaringsudveksling på tværs af sektorer.',
  },
  {
    kind: 'temadag',
    title: 'Temadag om unge med spiseforstyrrelser',
    audience: 'Medarbejdere og ledere i kommuner og region, der arbejder med målgruppen',
    date: '2023-10-05',
    organisers: 'Udviklingsgruppen og Psykiatrien Region Sjælland',
    place: 'Næstved Rådhus',
    registrations: 96,
  },
];

const SYDDANMARK: Seeded[] = [
  {
    kind: 'temadag',
    title: 'Præsentation af kortlægningen af kommunikationsområdet',
    audience: 'Ledere og nøglepersoner på kommunikationsområdet',
    date: '2022-05-05',
    organisers: 'Socialdirektørforum og ekstern konsulent',
    place: 'Vejle',
    participants: 55,
    evaluation: 'Kortlægningen gav et fælles billede af behov og tilbud; anbefalingerne går videre til Socialdirektørforum.',
  },
  {
    kind: 'konference',
    title: 'Afsluttende online konference: Sammen om psykiatri',
    audience: 'Ledere, medarbejdere og nøglepersoner, der arbejder med målgruppen',
    date: '2022-06-16',
    organisers: 'Socialdirektørforum og Psykiatrien i Region Syddanmark',
    place: 'Online',
    registrations: 210,
    participants: 184,
    servesFocusArea: true,
  },
  {
    kind: 'informationsmoede',
    title: 'Informationsmøde om takstindberetning og borgerens egenbetaling',
    audience: 'Økonomimedarbejdere og andre nøglepersoner',
    date: '2022-09-01',
    organisers: 'Socialdirektørforum',
    place: 'Online',
    participants: 80,
  },
  {
    kind: 'netvaerksmoede',
    title: 'Netværksmøde om spiseforstyrrelser',
    audience: 'Medarbejdere og ledere i region og kommuner, der arbejder med målgruppen',
    date: '2022-11-17',
    organisers: 'Socialdirektørforum',
    place: 'Odense',
    participants: 100,
    evaluation: 'Stort fremmøde fra både region og kommuner. Netværket ønsker at mødes igen næste år.',
  },
  {
    kind: 'politisk_moede',
    title: 'Politisk møde om det specialiserede socialområde',
    audience: 'Politikere og direktører',
    date: '2023-02-08',
    organisers: 'Socialdirektørforum',
    place: 'Vejle',
    participants: 70,
  },
  {
    kind: 'andet',
    title: 'Temamøde i Socialdirektørforum',
    audience: 'Socialdirektørforum, strategisk og økonomisk arbejdsgruppe',
    date: '2023-03-09',
    endDate: '2023-03-10',
    organisers: 'Socialdirektørforum',
    place: 'Kolding',
    participants: 34,
  },
  {
    kind: 'informationsmoede',
    title: 'Takstmøde og workshop',
    audience: 'Økonomimedarbejdere og andre nøglepersoner på socialområdet',
    date: '2023-08-24',
    organisers: 'Socialdirektørforum',
    place: 'Middelfart',
    registrations: 95,
    participants: 90,
  },
  {
    kind: 'temadag',
    title: 'Temadag om gravide med forbrug af rusmidler eller medicin',
    audience: 'Ledere og medarbejdere fra region og kommuner',
    date: '2023-09-19',
    organisers: 'Socialdirektørforum',
    place: 'Odense',
    registrations: 130,
    participants: 120,
    evaluation: 'Deltagerne fik udbytte af at høre om forløb på tværs af sektorer. Uformel evaluering: meget positiv.',
    servesFocusArea: true,
  },
  {
    kind: 'temadag',
    title: 'Temadag om spiseforstyrrelser',
    audience: 'Ledere og medarbejdere fra kommuner og region, der arbejder med området',
    date: '2023-11-06',
    organisers: 'Socialdirektørforum',
    place: 'Vejle',
    participants: 105,
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
  await db
    .insertInto('coop_activity')
    .values(
      list.map((a) => ({
        area_id: area.id,
        kind: a.kind,
        title: a.title,
        audience: a.audience,
        starts_on: a.date,
        ends_on: a.endDate ?? null,
        organisers: a.organisers,
        place: a.place,
        registrations: a.registrations ?? null,
        participants: a.participants ?? null,
        evaluation: a.evaluation ?? null,
        focus_area_id: a.servesFocusArea && focus ? focus.id : null,
        created_by: 'system',
      })),
    )
    .execute();
  return list.length;
}

export async function seedActivities({ db, scope, log }: SeedContext): Promise<void> {
  let count = await seedArea(db, 'sjaelland', SJAELLAND);
  if (scope === 'national') count += await seedArea(db, 'syddanmark', SYDDANMARK);
  log(`${count} aktiviteter i samarbejdet`);
}
