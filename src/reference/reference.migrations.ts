/**
 * @module Schema and shipped rows for reference data and organisations (regions, municipalities,
 * agreement areas with dated memberships, legal bases, target groups, types, supervisory authorities).
 */
import { sql, type Kysely, type Migration } from 'kysely';
// The rows are frozen beside the migration: a shipped migration never imports a module that can change.
import {
  AGREEMENT_AREAS,
  LEGAL_BASES,
  MERGER_DATE,
  MUNICIPALITIES,
  OFFERING_TYPES,
  OPERATOR_TYPES,
  REGIONS,
  SOCIALTILSYN,
  TARGET_GROUPS,
} from './0001_reference.data.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await sql`
    create table region (
      id text primary key, name text not null, iso_code text, seat text,
      valid_from date not null, valid_to date, successor_id text references region(id),
      check (valid_to is null or valid_to >= valid_from));
    create table municipality (code integer primary key, name text not null unique);
    create table municipality_region (
      municipality_code integer not null references municipality(code), region_id text not null references region(id),
      valid_from date not null, valid_to date, primary key (municipality_code, valid_from),
      check (valid_to is null or valid_to >= valid_from));
    create table agreement_area (
      id serial primary key, code text not null unique, name text not null, region_id text not null references region(id),
      valid_from date not null, valid_to date, check (valid_to is null or valid_to >= valid_from));
    create table organisation (
      id serial primary key,
      kind text not null check (kind in ('municipality','region','provider','secretariat')),
      name text not null,
      municipality_code integer unique references municipality(code),
      region_id text references region(id),
      cvr text check (cvr ~ '^[0-9]{8}$'),
      area_id integer references agreement_area(id),
      created_at timestamptz not null default now(),
      check (kind <> 'provider' or cvr is not null),
      check (kind <> 'secretariat' or area_id is not null));
    create table agreement_area_member (
      area_id integer not null references agreement_area(id), organisation_id integer not null references organisation(id),
      valid_from date not null, valid_to date, primary key (area_id, organisation_id, valid_from));
    create index agreement_area_member_org on agreement_area_member (organisation_id);
    create table legal_basis (
      code text primary key, law text not null, paragraph text not null, title text not null,
      audience text not null check (audience in ('voksne','boern','alle')), is_residential boolean not null,
      valid_from date not null, valid_to date, sort integer not null);
    create table target_group (
      code text primary key, parent_code text references target_group(code), name text not null,
      valid_from date not null, valid_to date, sort integer not null);
    create table operator_type (code text primary key, name text not null, sort integer not null);
    create table offering_type (code text primary key, name text not null, is_residential boolean not null, is_short_stay boolean not null, sort integer not null);
    create table socialtilsyn (code text primary key, name text not null, host_municipality_code integer not null references municipality(code));
  `.execute(db);

  // Regions: successors point forward, so insert the merged region first.
  for (const r of [...REGIONS].sort((a, b) => (a.successorId ? 1 : 0) - (b.successorId ? 1 : 0))) {
    await db
      .insertInto('region')
      .values({ id: r.id, name: r.name, iso_code: r.isoCode, seat: r.seat, valid_from: r.validFrom, valid_to: r.validTo, successor_id: r.successorId })
      .execute();
  }
  const municipalities = MUNICIPALITIES;
  await db
    .insertInto('municipality')
    .values(municipalities.map((m) => ({ code: m.code, name: m.name })))
    .execute();
  const dayBefore = '2026-12-31';
  await db
    .insertInto('municipality_region')
    .values(
      municipalities.flatMap((m) =>
        m.regionId === 'hovedstaden' || m.regionId === 'sjaelland'
          ? [
              { municipality_code: m.code, region_id: m.regionId, valid_from: '2007-01-01', valid_to: dayBefore },
              { municipality_code: m.code, region_id: 'oestdanmark', valid_from: MERGER_DATE, valid_to: null },
            ]
          : [{ municipality_code: m.code, region_id: m.regionId, valid_from: '2007-01-01', valid_to: null }],
      ),
    )
    .execute();

  // Organisations: every municipality, every region (the merged one from 2027), one secretariat per area.
  const municipalOrgs = await db
    .insertInto('organisation')
    .values(
      municipalities.map((m) => ({
        kind: 'municipality',
        name: `${m.name} Kommune`.replace('Bornholm Kommune', 'Bornholms Regionskommune'),
        municipality_code: m.code,
        region_id: m.regionId,
      })),
    )
    .returning(['id', 'municipality_code', 'region_id'])
    .execute();
  const regionOrgs = await db
    .insertInto('organisation')
    .values(REGIONS.map((r) => ({ kind: 'region', name: r.name, region_id: r.id })))
    .returning(['id', 'region_id'])
    .execute();
  for (const area of AGREEMENT_AREAS) {
    const { id: areaId } = await db
      .insertInto('agreement_area')
      .values({ code: area.code, name: area.name, region_id: area.regionId, valid_from: area.validFrom, valid_to: area.validTo })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('organisation').values({ kind: 'secretariat', name: area.secretariat, area_id: areaId, region_id: area.regionId }).execute();
    const merges = area.regionId === 'hovedstaden' || area.regionId === 'sjaelland';
    const members: Array<{ area_id: number; organisation_id: number; valid_from: string; valid_to: string | null }> = municipalOrgs
      .filter((o) => o.region_id === area.regionId)
      .map((o) => ({ area_id: areaId, organisation_id: o.id, valid_from: area.validFrom, valid_to: null }));
    const ownRegion = regionOrgs.find((o) => o.region_id === area.regionId)!;
    members.push({ area_id: areaId, organisation_id: ownRegion.id, valid_from: area.validFrom, valid_to: merges ? dayBefore : null });
    if (merges) {
      const merged = regionOrgs.find((o) => o.region_id === 'oestdanmark')!;
      members.push({ area_id: areaId, organisation_id: merged.id, valid_from: MERGER_DATE, valid_to: null });
    }
    await db.insertInto('agreement_area_member').values(members).execute();
  }

  await db
    .insertInto('legal_basis')
    .values(
      LEGAL_BASES.map((l, i) => ({
        code: l.code,
        law: l.law,
        paragraph: l.paragraph,
        title: l.title,
        audience: l.audience,
        is_residential: l.isResidential,
        valid_from: l.validFrom,
        valid_to: l.validTo,
        sort: i,
      })),
    )
    .execute();
  await db
    .insertInto('target_group')
    .values(TARGET_GROUPS.map((t, i) => ({ code: t.code, parent_code: t.parent, name: t.name, valid_from: '2013-01-01', valid_to: null, sort: i })))
    .execute();
  await db
    .insertInto('operator_type')
    .values(OPERATOR_TYPES.map((o, i) => ({ code: o.code, name: o.name, sort: i })))
    .execute();
  await db
    .insertInto('offering_type')
    .values(OFFERING_TYPES.map((o, i) => ({ code: o.code, name: o.name, is_residential: o.isResidential, is_short_stay: o.isShortStay, sort: i })))
    .execute();
  await db
    .insertInto('socialtilsyn')
    .values(SOCIALTILSYN.map((s) => ({ code: s.code, name: s.name, host_municipality_code: s.hostMunicipalityCode })))
    .execute();
}

export const referenceMigrations: Record<string, Migration> = {
  '0001_reference': { up },
};
