/**
 * @module Settlement's tables: the dated rules (claim limit, legal references, payment term), the settling
 * parties' invoice addresses (EAN), and the monthly statements with their lines (contract lines, problem lines,
 * adjustment lines), disputes and answers. Self-contained: the rules are frozen in 0500_settlement.data.ts.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { SETTLEMENT_RULES } from './0500_settlement.data.js';
import { FOLLOW_UP_RULES, PROGRESSION_SCALE } from './0510_followup.data.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table settlement_rule (
      id serial primary key,
      valid_from date not null, valid_to date,
      claim_limit_months integer not null check (claim_limit_months between 1 and 120),
      legal_references text not null,
      payment_days integer not null check (payment_days between 0 and 365),
      source text,
      unique (valid_from),
      check (valid_to is null or valid_to >= valid_from));
    create table settlement_party (
      organisation_id integer primary key references organisation(id),
      ean text check (ean ~ '^[0-9]{13}$'),
      updated_at timestamptz not null default now());
    create table settlement_statement (
      id serial primary key,
      month date not null check (extract(day from month) = 1),
      seller_org_id integer not null references organisation(id),
      buyer_org_id integer not null references organisation(id),
      area_id integer references agreement_area(id),
      status text not null check (status in ('kladde','sendt','bestridt','besvaret','accepteret')),
      total numeric not null default 0,
      line_count integer not null default 0,
      problem_count integer not null default 0,
      generated_at timestamptz not null,
      sent_at timestamptz, sent_by text, due_date date, legal_references text,
      accepted_at timestamptz, accepted_by text,
      unique (month, seller_org_id, buyer_org_id),
      check (status = 'kladde' or sent_at is not null));
    create index settlement_statement_seller on settlement_statement (seller_org_id, month);
    create index settlement_statement_buyer on settlement_statement (buyer_org_id, month);
    create index settlement_statement_area on settlement_statement (area_id, month);
    create table settlement_line (
      id serial primary key,
      statement_id integer not null references settlement_statement(id) on delete cascade,
      sort integer not null,
      kind text not null check (kind in ('contract','addon','adjustment')),
      contract_id integer references contract(id),
      offering_id integer references offering(id),
      case_reference text,
      period_from date, period_to date,
      days integer check (days between 0 and 31),
      unit text check (unit in ('day','month','hour')),
      quantity numeric,
      unit_price numeric,
      amount numeric,
      tariff_version_id integer,
      tariff_level text,
      problem text,
      text text,
      corrects_line_id integer references settlement_line(id),
      is_old_claim boolean not null default false,
      dispute_reason text, disputed_at timestamptz, disputed_by text,
      answer text check (answer in ('korrigeret','fastholdt')),
      answer_text text, corrected_amount numeric, answered_at timestamptz, answered_by text,
      check ((problem is null) = (amount is not null)),
      check (kind <> 'adjustment' or corrects_line_id is not null),
      check (answer is null or dispute_reason is not null),
      check (answer is distinct from 'korrigeret' or corrected_amount is not null));
    create index settlement_line_statement on settlement_line (statement_id, sort);
    create index settlement_line_contract on settlement_line (contract_id);
    create unique index settlement_line_correction on settlement_line (corrects_line_id) where corrects_line_id is not null;
    create index settlement_line_pending on settlement_line (statement_id) where answer = 'korrigeret';
  `.execute(db);
  await db
    .insertInto('settlement_rule')
    .values(
      SETTLEMENT_RULES.map((r) => ({
        valid_from: r.validFrom,
        valid_to: r.validTo,
        claim_limit_months: r.claimLimitMonths,
        legal_references: r.legalReferences,
        payment_days: r.paymentDays,
        source: r.source,
      })),
    )
    .execute();
}

/**
 * Follow-up of contracts: the dated rule (first follow-up and interval in months), the progression scale as data,
 * and the recorded follow-ups (one per contract and due date).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function followUp(db: Kysely<any>): Promise<void> {
  await sql`
    create table followup_rule (
      id serial primary key,
      valid_from date not null unique, valid_to date,
      first_months integer not null check (first_months between 1 and 60),
      interval_months integer not null check (interval_months between 1 and 60),
      due_soon_days integer not null check (due_soon_days between 0 and 365),
      source text not null,
      check (valid_to is null or valid_to >= valid_from));
    create table progression_level (
      scale text not null, level integer not null check (level between 1 and 20), label text not null,
      valid_from date not null, valid_to date,
      primary key (scale, level, valid_from));
    create table followup (
      id serial primary key,
      contract_id integer not null references contract(id),
      buyer_org_id integer not null references organisation(id),
      due_date date not null,
      held_on date not null,
      status_report text not null,
      scale text not null,
      level integer not null,
      note text,
      decision text not null check (decision in ('fortsaet','afslut')),
      recorded_at timestamptz not null,
      recorded_by text not null,
      unique (contract_id, due_date));
    create index followup_buyer on followup (buyer_org_id, due_date);
  `.execute(db);
  await db
    .insertInto('followup_rule')
    .values(
      FOLLOW_UP_RULES.map((r) => ({
        valid_from: r.validFrom,
        valid_to: r.validTo,
        first_months: r.firstMonths,
        interval_months: r.intervalMonths,
        due_soon_days: r.dueSoonDays,
        source: r.source,
      })),
    )
    .execute();
  await db
    .insertInto('progression_level')
    .values(PROGRESSION_SCALE.map((l) => ({ scale: l.scale, level: l.level, label: l.label, valid_from: l.validFrom })))
    .execute();
}

/** Follow-up decisions that change the level (a contract amendment at the new level) or step down (a place search). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function followUpDecisions(db: Kysely<any>): Promise<void> {
  await sql`
    alter table followup drop constraint followup_decision_check;
    alter table followup add constraint followup_decision_check check (decision in ('fortsaet','niveau','nedtrapning','afslut'));
    alter table followup add column new_level text, add column amendment_number integer;
    alter table followup add constraint followup_new_level check ((decision = 'niveau') = (new_level is not null));
  `.execute(db);
}

/**
 * The fewest citizens an outcome figure (improvement share, median time to a step down) is shown for, as part of
 * the dated follow-up rule: five, so that no one can be recognised and small numbers are not over-read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function outcomeMinimum(db: Kysely<any>): Promise<void> {
  await sql`
    alter table followup_rule add column outcome_min_citizens integer not null default 5 check (outcome_min_citizens between 1 and 1000);
  `.execute(db);
}

export const settlementMigrations: Record<string, Migration> = {
  '0500_settlement': { up },
  '0510_followup': { up: followUp },
  '0520_followup_decisions': { up: followUpDecisions },
  '0530_outcome_minimum': { up: outcomeMinimum },
};
