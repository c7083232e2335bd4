/**
 * @module Demo data of the meetings, deterministic: a year (2026) of meetings for Sjælland's steering group,
 * economy group and dialogue forum, and (national scope) Syddanmark's Socialdirektørforum and strategic working
 * group. Meetings until November are held, with minutes and decisions (most published to all, a few internal, one
 * still without minutes); December's are planned; one is cancelled. Some items link to the half-year's increase
 * report or an agreement version. A few demo users sit in bodies, so their personal calendar has meetings.
 */
import type { SeedContext } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import type { LinkKind, MeetingStatus, MinutesVisibility } from './meetings.table.js';

type Item = {
  time: string;
  title: string;
  presenter?: string;
  form?: string;
  description?: string;
  link?: 'report' | 'agreement';
  minutes: string;
  decision?: string;
};

const WELCOME: Item = {
  time: '',
  title: 'Velkomst og godkendelse af dagsordenen',
  presenter: 'Formanden',
  minutes: 'Formanden bød velkommen. Dagsordenen blev godkendt uden bemærkninger.',
  decision: 'Dagsordenen er godkendt.',
};
const MISC: Item = {
  time: '',
  title: 'Eventuelt og næste møde',
  minutes: 'Der var ingen punkter under eventuelt.',
  decision: 'Næste møde holdes som planlagt.',
};

/** The middle items of the steering group's meetings, by month (the half-yearly increase report in March and September). */
const STEERING: Record<string, Item[]> = {
  '02': [
    {
      time: '',
      title: 'Udkast til kommende rammeaftale: tidsplan og proces',
      presenter: 'Sekretariatet',
      form: 'Oplæg og drøftelse',
      link: 'agreement',
      minutes: 'Sekretariatet gennemgik tidsplanen frem mod kommunalbestyrelsernes behandling. Styregruppen ønskede tidligere inddragelse af dialogforum.',
      decision: 'Tidsplanen er godkendt med en ekstra dialogrunde i april.',
    },
    {
      time: '',
      title: 'Temadrøftelse: pladser til borgere med komplekse behov',
      presenter: 'Udviklingsgruppen',
      form: 'Bordvis drøftelse efterfulgt af opsamling i plenum',
      minutes: 'Bordene pegede på mangel på pladser med høj specialisering og på behovet for fælles overblik over ventelister.',
      decision: 'Udviklingsgruppen samler input og vender tilbage med et forslag til fokusområde.',
    },
  ],
  '03': [
    {
      time: '',
      title: 'Kommunernes indberetning af udgiftsstigninger over 5 pct.',
      presenter: 'Økonomigruppen',
      form: 'Oplæg og drøftelse',
      link: 'report',
      description: 'Den halvårlige gennemgang af takststigninger på tilbud, der overstiger 5 pct.',
      minutes: 'Økonomigruppen gennemgik indberetningen. Stigningerne skyldes primært nye normeringer på to botilbud.',
      decision: 'Styregruppen tager indberetningen til efterretning og sender den videre til socialtilsynet.',
    },
  ],
  '05': [
    {
      time: '',
      title: 'Status på de fælleskommunale principper',
      presenter: 'Sekretariatet',
      form: 'Kort status og spørgsmål',
      minutes: 'Princippet om dialog før lukning af tilbud er brugt to gange i foråret.',
      decision: 'Status tages til efterretning.',
    },
    {
      time: '',
      title: 'Høringssvar fra dialogforum',
      presenter: 'Dialogforum',
      form: 'Bordvis drøftelse efterfulgt af opsamling i plenum',
      minutes: 'Handicaporganisationerne ønsker mere fokus på overgangen fra barn til voksen.',
      decision: 'Temaet indarbejdes i udkastet til rammeaftalen.',
    },
  ],
  '06': [
    {
      time: '',
      title: 'Godkendelse af udkast til rammeaftale',
      presenter: 'Formanden',
      form: 'Beslutning',
      link: 'agreement',
      minutes: 'Udkastet blev gennemgået afsnit for afsnit.',
      decision: 'Udkastet er godkendt og sendes til behandling i kommunalbestyrelserne og regionsrådet.',
    },
  ],
  '09': [
    {
      time: '',
      title: 'Kommunernes indberetning af udgiftsstigninger over 5 pct.',
      presenter: 'Økonomigruppen',
      form: 'Oplæg og drøftelse',
      link: 'report',
      minutes: 'Indberetningen for første halvår viser færre stigninger end sidste år.',
      decision: 'Indberetningen tages til efterretning.',
    },
    {
      time: '',
      title: 'Styringsaftalen: takstprincipper for 2027',
      presenter: 'Økonomigruppen',
      form: 'Oplæg og drøftelse',
      minutes: 'Forslaget om at fastholde de nuværende principper blev drøftet.',
      decision: 'Principperne fastholdes for 2027.',
    },
  ],
  '11': [
    {
      time: '',
      title: 'Årets aktiviteter og plan for næste år',
      presenter: 'Sekretariatet',
      form: 'Bordvis drøftelse efterfulgt af opsamling i plenum',
      minutes: 'Bordene foreslog en temadag om rekruttering og en konference om psykiatri.',
      decision: 'Sekretariatet udarbejder en aktivitetsplan til februarmødet.',
    },
  ],
  '12': [{ time: '', title: 'Opfølgning på årets temaer', presenter: 'Sekretariatet', form: 'Drøftelse', minutes: '' }],
};

const ECONOMY: Item[] = [
  {
    time: '',
    title: 'Udviklingen i takster og belægning',
    presenter: 'Sekretariatet',
    form: 'Oplæg og drøftelse',
    minutes: 'Belægningen er stabil; enkelte tilbud har underskud i forhold til takstgrundlaget.',
    decision: 'Gruppen følger de berørte tilbud til næste møde.',
  },
  {
    time: '',
    title: 'Forberedelse af styregruppens punkt om takststigninger',
    presenter: 'Formanden',
    form: 'Drøftelse',
    link: 'report',
    minutes: 'Gruppen gennemgik de indberettede stigninger og formulerede en indstilling.',
    decision: 'Indstillingen sendes til styregruppen.',
  },
];

const DIALOGUE: Item[] = [
  {
    time: '',
    title: 'Rammeaftalens temaer set fra brugernes side',
    presenter: 'Handicaporganisationerne',
    form: 'Bordvis drøftelse efterfulgt af opsamling i plenum',
    minutes: 'Drøftelsen handlede om sammenhæng mellem tilbud og om pårørendes rolle.',
    decision: 'Input videregives til styregruppen.',
  },
];

const DIRECTORS: Item[] = [
  {
    time: '',
    title: 'Orientering fra den nationale koordinationsstruktur',
    presenter: 'Fælleskommunalt Socialsekretariat',
    form: 'Orientering',
    minutes: 'Sekretariatet orienterede om årets centrale udmeldinger.',
    decision: 'Orienteringen tages til efterretning.',
  },
  {
    time: '',
    title: 'Strategiske indsatser i rammeaftalen',
    presenter: 'Strategisk arbejdsgruppe',
    form: 'Bordvis drøftelse efterfulgt af opsamling i plenum',
    minutes: 'Forummet drøftede prioriteringen af indsatser for unge med psykiske vanskeligheder.',
    decision: 'Arbejdsgruppen konkretiserer to indsatser.',
  },
];

type Plan = { body: string; title: string; dates: string[]; start: string; end: string; place: string; online?: string; items: (month: string) => Item[] };

const SJAELLAND: Plan[] = [
  {
    body: 'Styregruppen for Rammeaftale Sjælland',
    title: 'Styregruppemøde',
    dates: ['2026-02-12', '2026-03-19', '2026-05-07', '2026-06-18', '2026-09-10', '2026-11-05', '2026-12-10'],
    start: '09:30',
    end: '12:30',
    place: 'Sorø, Kommunernes Hus Sjælland, mødelokale 1',
    items: (m) => STEERING[m] ?? [],
  },
  {
    body: 'Økonomigruppen',
    title: 'Møde i Økonomigruppen',
    dates: ['2026-02-26', '2026-08-27', '2026-11-12', '2026-12-03'],
    start: '13:00',
    end: '15:00',
    place: 'Online',
    online: 'https://moede.example.dk/oekonomigruppen',
    items: () => ECONOMY,
  },
  {
    body: 'Dialogforum Sjælland',
    title: 'Dialogforum',
    dates: ['2026-04-23', '2026-10-08'],
    start: '15:00',
    end: '17:30',
    place: 'Roskilde, Byens Hus',
    items: () => DIALOGUE,
  },
];

const SYDDANMARK: Plan[] = [
  {
    body: 'Socialdirektørforum',
    title: 'Møde i Socialdirektørforum',
    dates: ['2026-01-29', '2026-04-16', '2026-08-20', '2026-11-19', '2026-12-17'],
    start: '10:00',
    end: '13:00',
    place: 'Vejle, Rådhuset',
    items: () => DIRECTORS,
  },
  {
    body: 'Strategisk arbejdsgruppe',
    title: 'Strategisk arbejdsgruppe',
    dates: ['2026-03-05', '2026-06-04', '2026-10-01'],
    start: '09:00',
    end: '11:30',
    place: 'Online',
    online: 'https://moede.example.dk/strategisk',
    items: () => DIRECTORS.slice(1),
  },
];

/** Held until the end of November; December planned; the dialogue forum's autumn meeting cancelled. */
const statusOf = (plan: Plan, date: string): MeetingStatus =>
  date >= '2026-12-01' ? 'planlagt' : plan.body === 'Dialogforum Sjælland' && date === '2026-10-08' ? 'aflyst' : 'afholdt';

/** Published to all, except the economy group's (internal) and one meeting whose minutes are not written yet. */
const visibilityOf = (plan: Plan): MinutesVisibility => (plan.body === 'Økonomigruppen' ? 'intern' : 'offentlig');
const isWithoutMinutes = (plan: Plan, date: string) => plan.body === 'Styregruppen for Rammeaftale Sjælland' && date === '2026-11-05';

/** Times of the items: from the start, 10 minutes for the welcome, 50 for each item, 10 for the rest. */
function timed(start: string, items: readonly Item[]): Array<Item & { time: string }> {
  const [h, m] = start.split(':').map(Number) as [number, number];
  let at = h * 60 + m;
  return items.map((i, n) => {
    const time = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    at += n === 0 ? 10 : 50;
    return { ...i, time };
  });
}

async function seedPlans(db: Queryable, plans: readonly Plan[], areaCode: string, links: { report: number | null; agreement: number | null }) {
  let count = 0;
  for (const plan of plans) {
    const body = await db
      .selectFrom('coop_body as b')
      .innerJoin('agreement_area as a', 'a.id', 'b.area_id')
      .select('b.id')
      .where('a.code', '=', areaCode)
      .where('b.name', '=', plan.body)
      .executeTakeFirst();
    if (!body) continue;
    for (const date of plan.dates) {
      const status = statusOf(plan, date);
      const held = status === 'afholdt' && !isWithoutMinutes(plan, date);
      const { id } = await db
        .insertInto('coop_meeting')
        .values({
          body_id: body.id,
          title: plan.title,
          meeting_date: date,
          starts_at: plan.start,
          ends_at: plan.end,
          place: plan.place,
          online_url: plan.online ?? null,
          status,
          minutes_visibility: held ? visibilityOf(plan) : 'intern',
          minutes_published_at: held && visibilityOf(plan) !== 'intern' ? new Date(`${date}T15:00:00Z`) : null,
          created_by: 'system',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items = timed(plan.start, [WELCOME, ...plan.items(date.slice(5, 7)), MISC]);
      await db
        .insertInto('coop_agenda_item')
        .values(
          items.map((i, n) => {
            const linkId = i.link ? links[i.link] : null;
            const kind: LinkKind | null = linkId === null ? null : i.link === 'report' ? 'tariff_increase_report' : 'agreement_version';
            return {
              meeting_id: id,
              position: n + 1,
              starts_at: i.time,
              title: i.title,
              presenter: i.presenter ?? null,
              form: i.form ?? null,
              description: i.description ?? null,
              link_kind: kind,
              link_id: kind ? linkId : null,
              link_url: null,
              minutes: held && i.minutes ? i.minutes : null,
              decision: held ? (i.decision ?? null) : null,
            };
          }),
        )
        .execute();
      count++;
    }
  }
  return count;
}

async function linksOf(db: Queryable, areaCode: string) {
  const report = await db
    .selectFrom('tariff_increase_report as r')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .select('r.id')
    .where('a.code', '=', areaCode)
    .orderBy('r.period', 'desc')
    .executeTakeFirst();
  const agreement = await db
    .selectFrom('agreement_version as v')
    .innerJoin('agreement as ag', 'ag.id', 'v.agreement_id')
    .innerJoin('agreement_area as a', 'a.id', 'ag.area_id')
    .select('v.id')
    .where('a.code', '=', areaCode)
    .orderBy('v.id', 'desc')
    .executeTakeFirst();
  return { report: report?.id ?? null, agreement: agreement?.id ?? null };
}

/** Demo users who sit in Sjælland's economy group and dialogue forum (their personal calendars show the meetings). */
async function seedDemoMembers(db: Queryable) {
  const users = await db
    .selectFrom('app_user')
    .select(['display_name', 'organisation_id', 'username'])
    .where('username', 'in', ['demo-myndighed', 'demo-sekretariat', 'demo-naestved'])
    .execute();
  const bodies = await db.selectFrom('coop_body').select(['id', 'name']).where('name', 'in', ['Økonomigruppen', 'Dialogforum Sjælland']).execute();
  const rows = users.flatMap((u) =>
    bodies
      .filter((b) => u.username === 'demo-sekretariat' || b.name === 'Økonomigruppen')
      .map((b) => ({
        body_id: b.id,
        person_name: u.display_name,
        organisation_id: u.organisation_id,
        organisation_text: null,
        role: u.username === 'demo-sekretariat' ? ('sekretaer' as const) : ('medlem' as const),
        valid_from: '2026-01-01',
        valid_to: null,
      })),
  );
  if (rows.length) await db.insertInto('coop_member').values(rows).execute();
}

export async function seedMeetings({ db, scope, log }: SeedContext): Promise<void> {
  let count = await seedPlans(db, SJAELLAND, 'sjaelland', await linksOf(db, 'sjaelland'));
  if (scope === 'national') count += await seedPlans(db, SYDDANMARK, 'syddanmark', await linksOf(db, 'syddanmark'));
  await seedDemoMembers(db);
  log(`${count} møder i samarbejdets organer`);
}
