/**
 * @module Schema for the agreement cycle, plus the vocabulary rows (statuses, decisions, …) it runs on.
 */
import { sql, type Kysely, type Migration } from 'kysely';
// The rows are frozen beside the migration: a shipped migration never imports a module that can change.
import { VOCABULARY } from './0300_agreements.data.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await sql`
    create table agreement_vocabulary (
      list text not null, code text not null, label text not null, description text, sort integer not null,
      tone text not null default 'neutral' check (tone in ('ok','warn','bad','neutral')),
      counts_as_approval boolean not null default false, counts_as_rejection boolean not null default false,
      valid_from date not null default '2011-03-03', valid_to date,
      primary key (list, code));
    create table agreement (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      title text not null,
      period_start date not null, period_end date not null, preparation_start date not null,
      status text not null default 'under_udarbejdelse' check (status in ('under_udarbejdelse','i_hoering','til_godkendelse','godkendt')),
      summary text,
      is_public boolean not null default false, published_on date,
      hearing_version_id integer,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      check (period_end >= period_start), check (preparation_start <= period_start));
    create index agreement_area_idx on agreement (area_id);
    create table agreement_status_event (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      status text not null, changed_on date not null, note text, actor_username text not null, created_at timestamptz not null default now());
    create index agreement_status_event_agr on agreement_status_event (agreement_id);
    create table agreement_focus_area (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      part text not null check (part in ('udvikling','styring')), number integer not null check (number > 0),
      title text not null, goal text, content text, desired_results jsonb not null default '[]', responsible text,
      unique (agreement_id, number));
    create table agreement_objective (
      id serial primary key, focus_area_id integer not null references agreement_focus_area(id) on delete cascade,
      number integer not null check (number > 0), title text not null, description text, unique (focus_area_id, number));
    create table agreement_indicator (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      objective_id integer references agreement_objective(id) on delete set null,
      name text not null, definition text, unit text not null, direction text not null check (direction in ('higher','lower')),
      baseline_value numeric, baseline_date date, target_value numeric, target_date date,
      source text not null default 'manual',
      check ((baseline_value is null) = (baseline_date is null)), check ((target_value is null) = (target_date is null)));
    create index agreement_indicator_agr on agreement_indicator (agreement_id);
    create table agreement_measurement (
      id serial primary key, indicator_id integer not null references agreement_indicator(id) on delete cascade,
      organisation_id integer references organisation(id), measured_on date not null, value numeric not null,
      source text not null, note text, created_at timestamptz not null default now());
    create index agreement_measurement_ind on agreement_measurement (indicator_id, measured_on);
    create table agreement_principle (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      number integer not null check (number > 0), title text not null, description text, unique (agreement_id, number));
    create table agreement_commitment (
      id serial primary key, principle_id integer not null references agreement_principle(id) on delete cascade,
      number integer not null check (number > 0), text text not null, scope_note text, applies_from date not null,
      indicator_id integer references agreement_indicator(id) on delete set null, unique (principle_id, number));
    create table agreement_commitment_status (
      commitment_id integer not null references agreement_commitment(id) on delete cascade,
      organisation_id integer not null references organisation(id),
      status text not null, status_date date not null, evidence text, updated_by text not null, updated_at timestamptz not null default now(),
      primary key (commitment_id, organisation_id));
    create table agreement_phase (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      number integer not null check (number > 0), name text not null, description text,
      starts_on date not null, ends_on date not null, check (ends_on >= starts_on), unique (agreement_id, number));
    create table agreement_milestone (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      phase_id integer references agreement_phase(id) on delete set null,
      due_on date not null, title text not null, responsible text, deliverable text,
      status text not null default 'planlagt' check (status in ('planlagt','gennemfoert')), completed_on date);
    create index agreement_milestone_agr on agreement_milestone (agreement_id, due_on);
    create table agreement_input_round (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      phase_id integer references agreement_phase(id) on delete set null,
      kind text not null, template text not null check (template in ('fokusomraader','frie')),
      title text not null, held_on date not null, description text,
      vote_allowance integer check (vote_allowance > 0), is_open boolean not null default true);
    create table agreement_input_question (
      id serial primary key, round_id integer not null references agreement_input_round(id) on delete cascade,
      number integer not null, text text not null,
      focus_area_id integer references agreement_focus_area(id) on delete set null, aspect text, unique (round_id, number));
    create table agreement_input_group (
      id serial primary key, round_id integer not null references agreement_input_round(id) on delete cascade,
      name text not null, kind text not null, organisation_id integer references organisation(id), created_by text not null,
      unique (round_id, name));
    create table agreement_input_answer (
      group_id integer not null references agreement_input_group(id) on delete cascade,
      question_id integer not null references agreement_input_question(id) on delete cascade,
      text text not null, updated_at timestamptz not null default now(), primary key (group_id, question_id));
    create table agreement_input_candidate (
      id serial primary key, round_id integer not null references agreement_input_round(id) on delete cascade,
      number integer not null, title text not null, description text, unique (round_id, number));
    create table agreement_input_vote (
      group_id integer not null references agreement_input_group(id) on delete cascade,
      candidate_id integer not null references agreement_input_candidate(id) on delete cascade,
      votes integer not null check (votes >= 0), primary key (group_id, candidate_id));
    create table agreement_section (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      number integer not null check (number > 0), title text not null, body text not null, unique (agreement_id, number));
    create table agreement_version (
      id serial primary key, agreement_id integer not null references agreement(id) on delete cascade,
      number integer not null, created_on date not null, changelog text, content jsonb not null,
      hearing_until date, created_by text not null, created_at timestamptz not null default now(),
      unique (agreement_id, number));
    alter table agreement add constraint agreement_hearing_version_fk foreign key (hearing_version_id) references agreement_version(id) on delete set null;
    create table agreement_hearing_comment (
      id serial primary key, version_id integer not null references agreement_version(id) on delete cascade,
      section_key text not null, organisation_id integer not null references organisation(id),
      author_username text not null, text text not null, created_at timestamptz not null default now(),
      response text, response_reason text, responded_at timestamptz, responded_by text,
      addressed_in_version_id integer references agreement_version(id) on delete set null,
      check ((response is null) = (response_reason is null)));
    create index agreement_hearing_comment_ver on agreement_hearing_comment (version_id);
    create table agreement_approval (
      agreement_id integer not null references agreement(id) on delete cascade,
      organisation_id integer not null references organisation(id),
      decision text not null, decided_on date, reference text, note text, updated_by text not null,
      updated_at timestamptz not null default now(), primary key (agreement_id, organisation_id));
  `.execute(db);
  await db
    .insertInto('agreement_vocabulary')
    .values(
      VOCABULARY.map((v, i) => ({
        list: v.list,
        code: v.code,
        label: v.label,
        description: v.description ?? null,
        sort: i,
        tone: v.tone ?? 'neutral',
        counts_as_approval: v.approval ?? false,
        counts_as_rejection: v.rejection ?? false,
      })),
    )
    .execute();
}

/**
 * A milestone may be tied to a status change of its agreement ("Udkast klar til høring" → i høring): it is
 * completed in the transaction that makes the change. The seeded milestones of that kind are tied here too.
 */
async function milestoneStatusLink(db: AnyDb): Promise<void> {
  await sql`
    alter table agreement_milestone add column completes_on_status text
      check (completes_on_status in ('under_udarbejdelse','i_hoering','til_godkendelse','godkendt'));
    update agreement_milestone set completes_on_status = 'i_hoering' where title = 'Udkast klar til høring';
  `.execute(db);
}

/** The agreement's content rows carry a version: raised by every change, checked against If-Match / the form's version (412). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function contentVersions(db: Kysely<any>): Promise<void> {
  await sql`
    alter table agreement_section add column version integer not null default 1;
    alter table agreement_focus_area add column version integer not null default 1;
    alter table agreement_objective add column version integer not null default 1;
    alter table agreement_indicator add column version integer not null default 1;
    alter table agreement_principle add column version integer not null default 1;
    alter table agreement_commitment add column version integer not null default 1;
  `.execute(db);
}

/** The agreement's own fields (title, period, summary) carry a version too. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function agreementVersion(db: Kysely<any>): Promise<void> {
  await sql`alter table agreement add column version integer not null default 1`.execute(db);
}

export const agreementsMigrations: Record<string, Migration> = {
  '0300_agreements': { up },
  '0310_milestone_status_link': { up: milestoneStatusLink },
  '0902_agreement_content_versions': { up: contentVersions },
  '0903_agreement_version': { up: agreementVersion },
};
