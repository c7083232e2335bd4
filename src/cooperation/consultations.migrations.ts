/**
 * @module Tables of the joint consultations (fælles drøftelser). Self-contained: imports nothing that can change later.
 * 0740: a consultation case (closure or re-labelling of a residential offering, or a joint-establishment inquiry
 * before a single-person offering) with its deadline, status, outcome and local decision; each member municipality's
 * answer (one per municipality, versioned); and the dated rule per area of which offerings need a consultation
 * (Sjælland: only tilbudstype B, i.e. offerings covered by the framework agreement, from 1 September 2024).
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

export const consultationMigrations: Record<string, Migration> = {
  '0740_cooperation_consultations': { up: consultations },
};
