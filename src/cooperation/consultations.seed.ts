/**
 * @module Demo data of the joint consultations in Sjælland, deterministic: a finished consultation on closing a
 * residential offering covered by the framework agreement (opened by its operating municipality, preferably Holbæk;
 * every member answered; outcome and local decision recorded), and an open inquiry from Næstved before a
 * single-person offering that some members have answered (Holbæk not yet), and an open proposal from Næstved to
 * co-establish a residential offering as a § 60 company, with a few answers. Texts are the demo's own.
 */
import { sql } from 'kysely';
import type { SeedContext } from '../core/capability.js';
import type { ConsultationAnswer } from './consultations.table.js';

const CLOSURE_ANSWERS: Array<[ConsultationAnswer, string | null]> = [
  ['ingen_indvendinger', null],
  ['bekymring', 'Vi har to borgere på venteliste til lignende pladser; vi ønsker en plan for overgangen.'],
  ['ingen_indvendinger', 'Vi bruger ikke tilbuddet i dag.'],
  ['dele_pladser', 'Vi kan overtage to pladser i vores eget botilbud, hvis målgruppen passer.'],
];
const PROPOSAL_ANSWERS: Array<[ConsultationAnswer, string | null]> = [
  ['vil_deltage', 'Vi forventer at bruge to til tre pladser fra 2028.'],
  ['maaske', 'Vi vil gerne drøfte vedtægter og prisstruktur, før vi beslutter os.'],
  ['deltager_ikke', null],
];
const INQUIRY_ANSWERS: Array<[ConsultationAnswer, string | null]> = [
  ['nej', null],
  ['vil_dele', 'Vi har et lignende behov i 2027 og vil gerne være med til at etablere tilbuddet.'],
];

export async function seedConsultations({ db, log }: SeedContext): Promise<void> {
  const area = await db.selectFrom('agreement_area').select(['id']).where('code', '=', 'sjaelland').executeTakeFirst();
  if (!area) return;
  const members = await db
    .selectFrom('agreement_area_member as am')
    .innerJoin('organisation as o', 'o.id', 'am.organisation_id')
    .select(['o.id', 'o.name'])
    .where('am.area_id', '=', area.id)
    .where('o.kind', '=', 'municipality')
    .where('am.valid_from', '<=', '2026-01-01')
    .where((eb) => eb.or([eb('am.valid_to', 'is', null), eb('am.valid_to', '>=', '2026-12-31')]))
    .orderBy('o.name')
    .execute();
  const offering = await db
    .selectFrom('offering as o')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .select(['o.id', 'o.name', 'o.operator_org_id'])
    .where('ot.is_residential', '=', true)
    .where('o.is_covered', '=', true)
    .where(
      'o.operator_org_id',
      'in',
      members.map((m) => m.id),
    )
    .orderBy(sql`(o.operator_org_id = (select id from organisation where name = 'Holbæk Kommune'))`, 'desc')
    .orderBy('o.name')
    .orderBy('o.id')
    .executeTakeFirst();
  const naestved = members.find((m) => m.name.startsWith('Næstved'));
  let count = 0;
  if (offering) {
    const c = await db
      .insertInto('coop_consultation')
      .values({
        area_id: area.id,
        kind: 'lukning',
        offering_id: offering.id,
        opener_org_id: offering.operator_org_id,
        title: `Lukning af ${offering.name}`,
        description:
          'Belægningen har i to år ligget under 70 procent, og bygningen skal renoveres. Kommunen overvejer at lukke tilbuddet og flytte borgerne til andre botilbud i kommunen. Vi beder de andre kommuner om at melde tilbage, om de bruger eller vil bruge pladserne.',
        deadline: '2026-04-15',
        status: 'afsluttet',
        outcome:
          'Ingen kommuner ønsker at overtage tilbuddet; én kommune har udtrykt bekymring for ventelisten, og én kan tilbyde to pladser. Styregruppen har drøftet sagen den 23. april 2026.',
        decision_text:
          'Byrådet har besluttet at lukke tilbuddet med udgangen af 2026 og at aftale overgangen for de berørte borgere med de kommuner, der har pladser.',
        decision_on: '2026-05-20',
        created_at: new Date('2026-03-02T09:00:00Z'),
        created_by: 'system',
        closed_by: 'system',
        version: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const others = members.filter((m) => m.id !== offering.operator_org_id);
    for (const [i, m] of others.entries()) {
      const [answer, note] = CLOSURE_ANSWERS[i % CLOSURE_ANSWERS.length]!;
      await db.insertInto('coop_consultation_answer').values({ consultation_id: c.id, organisation_id: m.id, answer, note, answered_by: 'system' }).execute();
    }
    count++;
  }
  if (naestved) {
    const c = await db
      .insertInto('coop_consultation')
      .values({
        area_id: area.id,
        kind: 'enkeltmandstilbud',
        offering_id: null,
        opener_org_id: naestved.id,
        title: 'Forespørgsel: enkeltmandstilbud til en ung med autisme og svær selvskadende adfærd',
        description:
          'En ung på 17 år har brug for et skærmet botilbud med to-til-en-bemanding døgnet rundt og tæt psykiatrisk samarbejde, fra sommeren 2027. Vi spørger, om en kommune har en plads, der kan tilpasses, eller vil være med til at etablere et tilbud, der kan deles.',
        deadline: '2027-01-29',
        created_at: new Date('2026-11-16T09:00:00Z'),
        created_by: 'system',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const others = members.filter((m) => m.id !== naestved.id && !m.name.startsWith('Holbæk'));
    for (const [i, m] of others.slice(0, 4).entries()) {
      const [answer, note] = INQUIRY_ANSWERS[i % INQUIRY_ANSWERS.length]!;
      await db.insertInto('coop_consultation_answer').values({ consultation_id: c.id, organisation_id: m.id, answer, note, answered_by: 'system' }).execute();
    }
    count++;
    const proposal = await db
      .insertInto('coop_consultation')
      .values({
        area_id: area.id,
        kind: 'samdrift',
        proposal_type: 'selskab_60',
        offering_id: null,
        opener_org_id: naestved.id,
        title: 'Forslag: fælles § 60-selskab om et botilbud til voksne med svær spiseforstyrrelse',
        description:
          'Flere kommuner køber i dag enkeltpladser langt fra borgernes nærmiljø. Vi foreslår at etablere et botilbud med 12 pladser som et selskab efter § 60 i serviceloven, ejet af de deltagende kommuner, med fælles bestyrelse og takst efter forbrug. Vi beder kommunerne svare, om de vil deltage.',
        deadline: '2027-02-26',
        created_at: new Date('2026-11-23T09:00:00Z'),
        created_by: 'system',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, m] of others.slice(0, 3).entries()) {
      const [answer, note] = PROPOSAL_ANSWERS[i % PROPOSAL_ANSWERS.length]!;
      await db
        .insertInto('coop_consultation_answer')
        .values({ consultation_id: proposal.id, organisation_id: m.id, answer, note, answered_by: 'system' })
        .execute();
    }
    count++;
  }
  log(`${count} fælles drøftelser`);
}
