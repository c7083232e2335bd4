/**
 * @module Capacity tables: the dated target occupancy (places needed = forecast recipients ÷ target occupancy), the
 * legal bases whose contracts count as recipients of each analysis target group (for the stock-flow forecast), and
 * the municipalities' yearly assessment of supply against need per target group (the "redegørelse"
 * questionnaire). Self-contained: imports nothing that can change later.
 */
import { type Kysely, type Migration, sql } from 'kysely';

const GROUP_LEGAL_BASES = [
  { group: 'voksne-botilbud', legalBasis: 'SEL-108' },
  { group: 'voksne-dagtilbud', legalBasis: 'SEL-103' },
  { group: 'voksne-dagtilbud', legalBasis: 'SEL-104' },
  { group: 'boern-anbringelse', legalBasis: 'SEL-66' },
  { group: 'boern-anbringelse', legalBasis: 'BL-43-5' },
  { group: 'boern-anbringelse', legalBasis: 'BL-43-6' },
];

async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table capacity_rule (
      id serial primary key,
      valid_from date not null,
      valid_to date,
      target_occupancy_pct numeric not null check (target_occupancy_pct > 0 and target_occupancy_pct <= 100),
      source text not null,
      check (valid_to is null or valid_to >= valid_from));
    create table analysis_group_legal_basis (
      group_code text not null references analysis_group(code),
      legal_basis_code text not null references legal_basis(code),
      primary key (group_code, legal_basis_code));
    create table capacity_assessment (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      organisation_id integer not null references organisation(id),
      year integer not null check (year between 2000 and 2100),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      unique (organisation_id, year));
    create table capacity_assessment_answer (
      assessment_id integer not null references capacity_assessment(id) on delete cascade,
      group_code text not null references analysis_group(code),
      score integer not null check (score between 1 and 5),
      comment text,
      primary key (assessment_id, group_code));
    create index capacity_assessment_area on capacity_assessment (area_id, year);
  `.execute(db);
  await db
    .insertInto('capacity_rule')
    .values({
      valid_from: '2016-01-01',
      valid_to: null,
      target_occupancy_pct: '95',
      source: 'Styregruppens forudsætning for kapacitetsanalysen: pladsbehov beregnes ved 95 % belægning.',
    })
    .execute();
  await db
    .insertInto('analysis_group_legal_basis')
    .values(GROUP_LEGAL_BASES.map((g) => ({ group_code: g.group, legal_basis_code: g.legalBasis })))
    .execute();
}

export const capacityMigrations: Record<string, Migration> = { '0610_capacity': { up } };
