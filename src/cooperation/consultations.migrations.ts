/**
 * @module Tables of the joint consultations (fælles drøftelser). Self-contained: imports nothing that can change later.
 * 0740: a consultation case (closure or re-labelling of a residential offering, or a joint-establishment inquiry
 * before a single-person offering) with its deadline, status, outcome and local decision; each member municipality's
 * answer (one per municipality, versioned); and the dated rule per area of which offerings need a consultation
 * (Sjælland: only tilbudstype B, i.e. offerings covered by the framework agreement, from 1 September 2024).
 * 0760: co-establishment proposals (forslag om fælles etablering: a § 60 company, a deficit guarantee or another
 * form) as a fourth kind of case with its sub-type and the answers fitting it (will take part, will not, maybe);
 * and for an inquiry or a proposal the recorded result (an offering was created or not) with a link to the offering
 * created, which the principle-3 indicator counts.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function consultations(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_consultation_rule (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      covered_only boolean not null,
      note text not null,
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from));
    create table coop_consultation (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      kind text not null check (kind in ('lukning','omlaegning','enkeltmandstilbud')),
      offering_id integer references offering(id),
      opener_org_id integer not null references organisation(id),
      title text not null check (length(title) between 1 and 300),
      description text not null check (length(description) between 1 and 20000),
      deadline date not null,
      status text not null default 'aaben' check (status in ('aaben','afsluttet')),
      outcome text,
      decision_text text,
      decision_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      closed_by text,
      check ((kind = 'enkeltmandstilbud') = (offering_id is null)),
      check (status = 'aaben' or (outcome is not null and decision_text is not null and decision_on is not null)));
    create index coop_consultation_area on coop_consultation (area_id, created_at desc);
    create table coop_consultation_answer (
      id serial primary key,
      consultation_id integer not null references coop_consultation(id) on delete cascade,
      organisation_id integer not null references organisation(id),
      answer text not null check (answer in ('ingen_indvendinger','bekymring','overtage','dele_pladser','har_plads','vil_dele','nej')),
      note text,
      version integer not null default 1,
      answered_by text not null,
      updated_at timestamptz not null default now(),
      unique (consultation_id, organisation_id));
    insert into coop_consultation_rule (area_id, covered_only, note, valid_from)
      select id, true, 'Kun tilbudstype B i rammeaftalen: bo- og døgntilbud, der er omfattet af rammeaftalen', '2024-09-01'
      from agreement_area where code = 'sjaelland';
  `.execute(db);
}

/** The names of the table's check constraints whose definition mentions the text (unnamed in 0740). */
async function checksMentioning(db: Kysely<any>, table: string, text: string): Promise<string[]> {
  const rows = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c' and pg_get_constraintdef(oid) like ${`%${text}%`}`.execute(db);
  return rows.rows.map((r) => r.conname);
}

async function coEstablishment(db: Kysely<any>): Promise<void> {
  for (const name of await checksMentioning(db, 'coop_consultation', 'enkeltmandstilbud'))
    await sql`alter table coop_consultation drop constraint ${sql.id(name)}`.execute(db);
  for (const name of await checksMentioning(db, 'coop_consultation_answer', 'ingen_indvendinger'))
    await sql`alter table coop_consultation_answer drop constraint ${sql.id(name)}`.execute(db);
  await sql`
    alter table coop_consultation
      add column proposal_type text check (proposal_type in ('selskab_60','underskudsgaranti','andet')),
      add column result text check (result in ('oprettet','ikke_oprettet')),
      add column result_offering_id integer references offering(id),
      add constraint coop_consultation_kind check (kind in ('lukning','omlaegning','enkeltmandstilbud','samdrift')),
      add constraint coop_consultation_offering check ((kind in ('enkeltmandstilbud','samdrift')) = (offering_id is null)),
      add constraint coop_consultation_proposal check ((kind = 'samdrift') = (proposal_type is not null)),
      add constraint coop_consultation_result check (
        (result is null or kind in ('enkeltmandstilbud','samdrift'))
        and (result_offering_id is null or result = 'oprettet')
        and (result is null or status = 'afsluttet'));
    create index coop_consultation_result_offering on coop_consultation (result_offering_id) where result_offering_id is not null;
    create index coop_consultation_offering_kind on coop_consultation (offering_id, kind) where offering_id is not null;
    alter table coop_consultation_answer add constraint coop_consultation_answer_choice check (answer in (
      'ingen_indvendinger','bekymring','overtage','dele_pladser','har_plads','vil_dele','nej','vil_deltage','deltager_ikke','maaske'));
  `.execute(db);
}

export const consultationMigrations: Record<string, Migration> = {
  '0740_cooperation_consultations': { up: consultations },
  '0760_cooperation_co_establishment': { up: coEstablishment },
};
