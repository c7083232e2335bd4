/**
 * @module Demo data of the cooperation, deterministic and set-based: the bodies of Sjælland (today's organisation
 * and the proposal from the directors' seminar: a programme steering group, a directors' and heads' forum as
 * gatekeeper, permanent heads' networks, ad hoc groups) and, in the national scope, Syddanmark's
 * Socialdirektørforum with its working groups; fictional members from the member organisations; the national
 * coordination forum of the secretariats.
 */
import type { SeedContext } from '../core/capability.js';
import { seedActivities } from './activities.seed.js';
import { seedEvaluations } from './evaluations.seed.js';
import { seedProjects } from './projects.seed.js';
import { seedAnnouncements } from './announcements.seed.js';
import { seedConsultations } from './consultations.seed.js';
import { seedProtection } from './protection.seed.js';
import type { Queryable } from '../core/db/types.js';
import type { BodyKind, MemberRole } from './cooperation.table.js';
import { seedMeetings } from './meetings.seed.js';

const FIRST = [
  'Anne',
  'Bo',
  'Camilla',
  'Dorthe',
  'Erik',
  'Frida',
  'Gitte',
  'Henrik',
  'Ida',
  'Jens',
  'Karin',
  'Lars',
  'Mette',
  'Niels',
  'Pia',
  'Rasmus',
  'Signe',
  'Torben',
  'Ulla',
  'Vibeke',
];
const LAST = ['Holm', 'Kjær', 'Lund', 'Bak', 'Dahl', 'Krogh', 'Vestergaard', 'Juhl', 'Brandt', 'Skov', 'Winther', 'Mølgaard', 'Falk', 'Hviid'];

/** A fictional person's name, the same for the same number. */
export const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;

type BodySpec = {
  key: string;
  kind: BodyKind;
  name: string;
  description?: string;
  reportsTo?: string;
  mandate?: string;
  seats: number;
  proposal?: string | null;
};

/** Sjælland today (seed 003's "nuværende organisering") and where each body sits in the proposal. */
const SJAELLAND: BodySpec[] = [
  {
    key: 'styre',
    kind: 'styregruppe',
    name: 'Styregruppen for Rammeaftale Sjælland',
    seats: 8,
    proposal: 'program',
    mandate:
      'Styregruppen har det overordnede ansvar for rammeaftalen: den godkender udkast til aftalen, følger implementeringen af de fælleskommunale principper og drøfter to gange om året kommunernes indberetninger af udgiftsstigninger over 5 pct.',
  },
  {
    key: 'udvikling',
    kind: 'udviklingsgruppe',
    name: 'Udviklingsgruppen for Rammeaftale Sjælland',
    reportsTo: 'styre',
    seats: 6,
    proposal: 'program',
    mandate:
      'Udviklingsgruppen forbereder styregruppens beslutninger om udviklingsdelen, godkender strategier for implementering og prioriterer de konkrete udviklingsopgaver.',
  },
  {
    key: 'oekonomi',
    kind: 'oekonomigruppe',
    name: 'Økonomigruppen',
    reportsTo: 'styre',
    seats: 5,
    proposal: 'forum',
    mandate: 'Økonomigruppen følger takster, udgiftsudvikling og styringsdelen og forbereder sager om takstprincipper.',
  },
  { key: 'nv-sind', kind: 'netvaerksgruppe', name: 'Netværksgruppe Voksne Sindslidende', reportsTo: 'udvikling', seats: 4, proposal: 'chef-voksne' },
  { key: 'nv-handicap', kind: 'netvaerksgruppe', name: 'Netværksgruppen Voksne handicappede', reportsTo: 'udvikling', seats: 4, proposal: 'chef-voksne' },
  { key: 'nv-boern', kind: 'netvaerksgruppe', name: 'Netværksgruppen Børn & Unge', reportsTo: 'udvikling', seats: 4, proposal: 'chef-boern' },
  { key: 'udbyder', kind: 'netvaerksgruppe', name: 'Udbydernetværket', reportsTo: 'udvikling', seats: 3, proposal: null },
  {
    key: 'dialog',
    kind: 'dialogforum',
    name: 'Dialogforum Sjælland',
    reportsTo: 'styre',
    seats: 4,
    proposal: 'program',
    mandate: 'Dialogforum mødes med handicaporganisationerne om rammeaftalens temaer og giver input til den kommende aftale.',
  },
];

/** Bodies only in the proposal: key → where it sits in the proposal. */
const SJAELLAND_PROPOSED: BodySpec[] = [
  { key: 'program', kind: 'styregruppe', name: 'Programstyregruppen', seats: 0, proposal: 'top' },
  { key: 'forum', kind: 'direktoerforum', name: 'Chef- og direktørforum', seats: 0, proposal: 'program', description: 'Gatekeeper for nye udviklingsopgaver.' },
  { key: 'chef-voksne', kind: 'chefnetvaerk', name: 'Chefnetværk Voksne', seats: 0, proposal: 'forum' },
  { key: 'chef-boern', kind: 'chefnetvaerk', name: 'Chefnetværk Børn & Unge', seats: 0, proposal: 'forum' },
  { key: 'adhoc-1', kind: 'ad_hoc', name: 'Ad hoc-gruppe: takster og kontrakter', seats: 0, proposal: 'forum' },
  { key: 'adhoc-2', kind: 'ad_hoc', name: 'Ad hoc-gruppe: fælles sagsproces', seats: 0, proposal: 'forum' },
];

const SYDDANMARK: BodySpec[] = [
  {
    key: 'sdf',
    kind: 'direktoerforum',
    name: 'Socialdirektørforum',
    seats: 8,
    mandate:
      'Socialdirektørforum koordinerer rammeaftalesamarbejdet i Syddanmark: alle kommuner og Region Syddanmark er repræsenteret på direktørniveau. Forummet betjenes af Fælleskommunalt Socialsekretariat.',
  },
  {
    key: 'strategisk',
    kind: 'arbejdsgruppe',
    name: 'Strategisk arbejdsgruppe',
    reportsTo: 'sdf',
    seats: 5,
    mandate:
      'Arbejdsgruppen støtter Socialdirektørforum i at finde konkrete indsatser og andre strategiske opgaver, særligt faglige og udviklingsmæssige opgaver med tilknytning til økonomien.',
  },
  { key: 'oekonomisk', kind: 'oekonomigruppe', name: 'Økonomisk arbejdsgruppe', reportsTo: 'sdf', seats: 5 },
  { key: 'dialog', kind: 'dialogforum', name: 'Dialogforum Syddanmark', reportsTo: 'sdf', seats: 4 },
];

type Org = { id: number; name: string; kind: string };

async function seedArea(db: Queryable, area: { id: number; code: string; name: string }, specs: BodySpec[], orgs: Org[], from: string, personOffset: number) {
  const bodyRows = await db
    .insertInto('coop_body')
    .values(specs.map((s) => ({ area_id: area.id, kind: s.kind, name: s.name, description: s.description ?? null, created_by: 'system' })))
    .returning(['id', 'name'])
    .execute();
  const idOf = new Map(specs.map((s) => [s.key, bodyRows.find((r) => r.name === s.name)!.id]));
  const members = specs.flatMap((s, bi) =>
    Array.from({ length: s.seats }, (_, i) => {
      const org = orgs[(bi * 3 + i) % orgs.length]!;
      const role: MemberRole = i === 0 ? 'formand' : i === 1 ? 'naestformand' : org.kind === 'secretariat' ? 'sekretaer' : 'medlem';
      return {
        body_id: idOf.get(s.key)!,
        person_name: personName(personOffset + bi * 11 + i),
        organisation_id: org.id,
        organisation_text: null,
        role,
        valid_from: from,
        valid_to: null,
      };
    }),
  );
  if (members.length) await db.insertInto('coop_member').values(members).execute();
  const mandates = specs
    .filter((s) => s.mandate)
    .map((s) => ({ body_id: idOf.get(s.key)!, text: s.mandate!, approved_by: null, valid_from: from, valid_to: null }));
  if (mandates.length) await db.insertInto('coop_mandate').values(mandates).execute();
  const current = await db
    .insertInto('coop_structure')
    .values({ area_id: area.id, title: `Organisering af ${area.name}`, status: 'gaeldende', note: null, based_on_id: null, created_by: 'system' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coop_structure_body')
    .values(
      specs
        .filter((s) => s.seats > 0)
        .map((s) => ({ structure_id: current.id, body_id: idOf.get(s.key)!, reports_to_id: s.reportsTo ? idOf.get(s.reportsTo)! : null })),
    )
    .execute();
  return { idOf, currentId: current.id, members: members.length };
}

export async function seedBodies({ db, scope, log }: SeedContext): Promise<void> {
  const areaCodes = scope === 'national' ? ['sjaelland', 'syddanmark'] : ['sjaelland'];
  const areas = await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', 'in', areaCodes).orderBy('code').execute();
  const orgRows = await db
    .selectFrom('organisation as o')
    .leftJoin('agreement_area_member as m', (j) => j.onRef('m.organisation_id', '=', 'o.id').on('m.valid_from', '<=', '2024-01-01'))
    .select(['o.id', 'o.name', 'o.kind', 'o.area_id', 'm.area_id as member_area'])
    .where((eb) => eb.or([eb('o.kind', '=', 'secretariat'), eb('m.area_id', 'is not', null)]))
    .orderBy('o.id')
    .execute();
  let count = 0;
  for (const area of areas) {
    const orgs = orgRows.filter((o) => o.member_area === area.id || (o.kind === 'secretariat' && o.area_id === area.id));
    if (area.code === 'sjaelland') {
      const all = [...SJAELLAND, ...SJAELLAND_PROPOSED];
      const r = await seedArea(db, area, all, orgs, '2024-01-01', 0);
      const proposal = await db
        .insertInto('coop_structure')
        .values({
          area_id: area.id,
          title: 'Forslag: fremtidens organisering af Rammeaftale Sjælland',
          status: 'forslag',
          note: 'Fra halvdagsseminaret for direktører og chefer: en programstyregruppe, et chef- og direktørforum som gatekeeper, permanente chefnetværk med fokus på drift, udvikling og implementering, og ad hoc-grupper til konkrete udviklingsopgaver godkendt i udviklingsgruppen og styregruppen.',
          based_on_id: r.currentId,
          created_by: 'system',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('coop_structure_body')
        .values(
          all
            .filter((s) => s.proposal !== null)
            .map((s) => ({ structure_id: proposal.id, body_id: r.idOf.get(s.key)!, reports_to_id: s.proposal === 'top' ? null : r.idOf.get(s.proposal!)! })),
        )
        .execute();
      count += r.members;
    } else {
      count += (await seedArea(db, area, SYDDANMARK, orgs, '2023-01-01', 5)).members;
    }
  }
  // The national coordination forum of the secretariats: one member per secretariat in scope.
  const forum = await db
    .insertInto('coop_body')
    .values({
      area_id: null,
      kind: 'national_koordination',
      name: 'Det nationale koordinationsforum for rammeaftalesekretariaterne',
      description: null,
      created_by: 'system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const secretariats = orgRows.filter((o) => o.kind === 'secretariat' && o.member_area === null);
  if (secretariats.length)
    await db
      .insertInto('coop_member')
      .values(
        secretariats.map((o, i) => ({
          body_id: forum.id,
          person_name: personName(40 + i),
          organisation_id: o.id,
          organisation_text: null,
          role: i === 0 ? ('formand' as const) : ('medlem' as const),
          valid_from: '2024-01-01',
          valid_to: null,
        })),
      )
      .execute();
  log(`${count + secretariats.length} medlemmer af samarbejdets organer`);
}

export async function seedCooperation(ctx: SeedContext): Promise<void> {
  await seedBodies(ctx);
  await seedMeetings(ctx);
  await seedAnnouncements(ctx);
  await seedActivities(ctx);
  await seedEvaluations(ctx);
  await seedConsultations(ctx);
  await seedProjects(ctx);
  await seedProtection(ctx);
}
