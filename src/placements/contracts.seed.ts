/**
 * @module Demo contracts: the running contracts behind the offerings' occupancy — about 3,000 in the Sjælland scope
 * (60,000 nationally) spread over buyers and sellers, with believable durations (mostly 1–3 years), tariff levels
 * from the published tariffs and add-ons for some; time-limited for most new ones (from the area's commitment date),
 * open-ended for many older ones; private purchases with and without a recorded public-first check; some imported
 * on the municipality's own template (is_standard false); a few under notice. Deterministic from the seed and the
 * clock; generated in memory and written with multi-row inserts (set-based, no statement per contract).
 */
import { sql } from 'kysely';
import { addDays } from '../core/clock.js';
import type { SeedContext } from '../core/capability.js';
import { intBetween, pick, weighted } from '../core/seed/random.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import { municipalityCodesOfArea } from '../reference/reference.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import { addMonths } from './contract.logic.js';
import type { AddonUnit } from './placements.table.js';

const TARGET = { sjaelland: 3000, national: 60000 } as const;
const COMMITMENT_FROM = '2024-09-01';
const PUBLIC_FIRST_FROM = '2025-01-01';
const CHUNK = 800;

const GOALS = [
  'Borgeren bliver mere selvhjulpen i egen bolig og kan selv handle ind og lave mad; støtten trappes gradvist ned.',
  'Borgeren får en stabil hverdag med struktur og deltager i et dagtilbud mindst tre dage om ugen.',
  'Borgeren mestrer egen økonomi med mindre støtte og forbereder flytning til en mindre indgribende boform.',
  'Den unge gennemfører skoleforløbet og opbygger et netværk uden for tilbuddet.',
  'Borgeren reducerer konflikter og magtanvendelser og deltager i fællesskabet i tilbuddet.',
] as const;
const ADDONS: ReadonlyArray<readonly [string, AddonUnit, number, number]> = [
  ['Ekstra støtte om natten (vågen nattevagt)', 'dag', 350, 900],
  ['Ledsagelse til fritidsaktivitet', 'uge', 200, 600],
  ['Én-til-én-støtte i overgangsperioden', 'time', 380, 520],
  ['Psykologsamtaler', 'maaned', 1800, 4200],
  ['Særlige hjælpemidler ved indflytning', 'engang', 2500, 12000],
];
const NAMES = ['Mette Hansen', 'Lars Nielsen', 'Anne Jensen', 'Peter Pedersen', 'Susanne Andersen', 'Jens Christensen', 'Hanne Larsen', 'Morten Sørensen'];
const DEPARTMENTS = ['Socialafdelingen, Voksenhandicap', 'Center for Socialpsykiatri', 'Børne- og Familieafdelingen', 'Myndighed Voksen'];

const ean = (n: number) => `5798${String(n).padStart(9, '0')}`;

export async function seedContracts({ db, clock, random, scope }: SeedContext): Promise<{ contracts: number; searches: number; addOns: number }> {
  const today = clock.today();
  const now = clock.now();
  const offerings = await db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .leftJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
    .innerJoin('organisation as op', 'op.id', 'oc.operator_org_id')
    .select([
      'oc.offering_id',
      'oc.operator_org_id',
      'oc.operator_type',
      'oc.offering_type',
      'oc.places',
      'oc.is_covered',
      'oc.legal_basis_law',
      'oc.municipality_code',
    ])
    .select(['v.free_now', 'op.cvr'])
    .where('oc.status', 'in', ['aktiv', 'lukket_for_indskrivning'])
    .orderBy('oc.offering_id')
    .execute();
  if (!offerings.length) return { contracts: 0, searches: 0, addOns: 0 };
  const area = await db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirst();
  const ownCodes = new Set(area ? await municipalityCodesOfArea(db, { id: area.id }, today) : []);
  const buyers = await db
    .selectFrom('organisation')
    .select(['id', 'municipality_code'])
    .where('kind', '=', 'municipality')
    .where('municipality_code', 'in', [...new Set(offerings.map((o) => o.municipality_code))])
    .orderBy('id')
    .execute();
  // Buyers from the area itself mostly (Sjælland buys most of its places inside the area).
  const buyerPool = scope === 'sjaelland' ? buyers.filter((b) => ownCodes.has(b.municipality_code!)) : buyers;
  const templates = new Map((await db.selectFrom('contract_template').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const notices = await db.selectFrom('contract_notice_rule').selectAll().where('valid_to', 'is', null).execute();
  const noticeOf = (areaId: number | undefined, type: string) =>
    notices.find((n) => n.area_id === areaId && n.offering_type === type) ??
    notices.find((n) => n.area_id === areaId && n.offering_type === null) ??
    notices[0]!;
  const ids = offerings.map((o) => o.offering_id);
  const year = Number(today.slice(0, 4));
  const tariffsByYear = new Map<number, Awaited<ReturnType<typeof publishedTariffs>>>();
  for (const y of [year - 2, year - 1, year]) tariffsByYear.set(y, await publishedTariffs(db, ids, y));
  const tariffOf = (offeringId: number, startYear: number) => {
    for (let y = Math.min(Math.max(startYear, year - 2), year); y >= year - 2; y--) {
      const t = tariffsByYear.get(y)?.get(offeringId);
      if (t) return t;
    }
    return null;
  };

  const occupied = offerings.map((o) => Math.max(0, o.places - (o.free_now ?? 1)));
  const scale = Math.min(
    1,
    TARGET[scope] /
      Math.max(
        1,
        occupied.reduce((a, b) => a + b, 0),
      ),
  );
  type Row = Record<string, unknown> & { search: { made_at: Date; count: number } | null };
  const rows: Row[] = [];
  const addOns: Array<{ index: number; text: string; price: string; unit: AddonUnit; period_from: string; period_to: string | null }> = [];
  let caseNo = 20000;
  offerings.forEach((o, oi) => {
    const n = Math.round(occupied[oi]! * scale);
    const isPublic = o.operator_type === 'kommunal' || o.operator_type === 'regional';
    const code = `${isPublic && o.is_covered ? 'inside' : 'outside'}_${o.legal_basis_law === 'Barnets lov' ? 'child' : 'adult'}`;
    const notice = noticeOf(area?.id, o.offering_type);
    for (let i = 0; i < n; i++) {
      const buyer = pick(random, buyerPool.length ? buyerPool : buyers);
      const start = addDays(
        today,
        -weighted(random, [
          [intBetween(random, 20, 365), 35],
          [intBetween(random, 366, 820), 35],
          [intBetween(random, 821, 2200), 30],
        ] as const),
      );
      const isNew = start >= COMMITMENT_FROM;
      const isImported = random() < (isNew ? 0.06 : 0.35);
      const isTimeLimited = isNew ? random() < 0.85 : random() < 0.2;
      let months = weighted(random, [
        [12, 35],
        [18, 15],
        [24, 30],
        [36, 20],
      ] as const);
      let end = isTimeLimited ? addDays(addMonths(start, months), -1) : null;
      while (end !== null && end < today) {
        months += 12;
        end = addDays(addMonths(start, months), -1);
      }
      const t = tariffOf(o.offering_id, Number(start.slice(0, 4)));
      const level = t?.levels.length ? pick(random, t.levels) : null;
      const isPrivatePurchase = !isPublic && start >= PUBLIC_FIRST_FROM && !isImported;
      const hasCheck = isPrivatePurchase && random() < 0.7;
      const searchCount = hasCheck
        ? weighted(random, [
            [0, 30],
            [intBetween(random, 1, 4), 70],
          ] as const)
        : 0;
      const isNoticed = random() < 0.03;
      const noticeOn = isNoticed ? addDays(today, -intBetween(random, 1, 20)) : null;
      const noticeEnd = noticeOn ? addDays(noticeOn, notice.buyer_notice_days) : null;
      const noticeEndCapped = noticeEnd && end && end < noticeEnd ? end : noticeEnd;
      const acceptedAt = new Date(Date.parse(`${start}T09:00:00Z`) - intBetween(random, 5, 30) * 86_400_000);
      const prefix = o.legal_basis_law === 'Barnets lov' ? 'BFU' : 'VOK';
      rows.push({
        reservation_id: null,
        search_id: null,
        offering_id: o.offering_id,
        buyer_org_id: buyer.id,
        template_id: isImported ? null : (templates.get(code) ?? null),
        is_standard: !isImported && templates.has(code),
        is_imported: isImported,
        case_reference: `${prefix}-${start.slice(0, 4)}-${String(caseNo++).padStart(6, '0')}`,
        start_date: start,
        end_date: end,
        current_end_date: end,
        expected_duration_months: isTimeLimited ? months : random() < 0.5 ? 36 : null,
        status: isNoticed && (noticeEndCapped ?? today) >= today ? 'opsagt' : 'accepteret',
        tariff_version_id: t?.versionId ?? null,
        tariff_level: level?.name ?? null,
        tariff_price: level?.tariff ?? t?.averageTariff ?? null,
        tariff_unit: t?.unit ?? null,
        public_first_reason: hasCheck && searchCount > 0 ? pick(random, ['behov', 'afstand', 'eget_valg', 'ventetid']) : null,
        public_first_text: hasCheck && searchCount > 0 ? 'De ledige offentlige pladser passede ikke til borgerens behov og netværk.' : null,
        created_at: acceptedAt,
        created_by: 'system',
        sent_at: acceptedAt,
        sent_by: 'system',
        accepted_at: acceptedAt,
        accepted_by: 'system',
        buyer_department: pick(random, DEPARTMENTS),
        buyer_ean: ean(buyer.id * 7 + 1),
        provider_ean: isPublic ? ean(o.operator_org_id * 7 + 3) : null,
        provider_cvr: isPublic ? null : o.cvr,
        buyer_contact_name: pick(random, NAMES),
        provider_contact_name: pick(random, NAMES),
        indexation: isPublic && o.is_covered ? 'naeste_takst' : 'pl',
        buyer_notice_days: notice.buyer_notice_days,
        provider_notice_days: notice.provider_notice_days,
        notice_rule_id: notice.id,
        goals: pick(random, GOALS),
        follow_up_dates: JSON.stringify([addDays(addMonths(start, 3), -intBetween(random, 0, 20)), addMonths(start, 9)]),
        payment_timing: isPublic ? 'bagud' : random() < 0.5 ? 'forud' : 'bagud',
        payment_days: pick(random, [30, 30, 30, 20, 14]),
        notice_party: isNoticed && (noticeEndCapped ?? today) >= today ? 'koeber' : null,
        notice_given_on: isNoticed && (noticeEndCapped ?? today) >= today ? noticeOn : null,
        notice_given_at: isNoticed && (noticeEndCapped ?? today) >= today ? now : null,
        notice_given_by: isNoticed && (noticeEndCapped ?? today) >= today ? 'system' : null,
        notice_end_date: isNoticed && (noticeEndCapped ?? today) >= today ? noticeEndCapped : null,
        search: hasCheck ? { made_at: new Date(acceptedAt.getTime() - intBetween(random, 1, 20) * 86_400_000), count: searchCount } : null,
      });
      if (random() < 0.25) {
        const [text, unit, lo, hi] = pick(random, ADDONS);
        addOns.push({
          index: rows.length - 1,
          text,
          unit,
          price: `${intBetween(random, lo, hi)}.00`,
          period_from: start,
          period_to: unit === 'engang' ? start : null,
        });
      }
    }
  });

  // The searches the checks point to (one per checked purchase), then the contracts, then their add-ons.
  const searched = rows.filter((r) => r.search);
  const searchIds: number[] = [];
  for (let i = 0; i < searched.length; i += CHUNK) {
    const part = searched.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto('place_search')
      .values(
        part.map((r) => ({
          organisation_id: r.buyer_org_id as number,
          username: 'system',
          made_at: r.search!.made_at,
          criteria: JSON.stringify({ demo: true }),
          is_public_first: true,
          public_with_place_count: r.search!.count,
          result_count: r.search!.count + intBetween(random, 1, 6),
        })),
      )
      .returning('id')
      .execute();
    searchIds.push(...inserted.map((x) => x.id));
  }
  searched.forEach((r, i) => {
    r.search_id = searchIds[i];
  });
  // One statement per chunk with the rows as one JSON parameter (a multi-row VALUES of ~50 columns binds far more
  // parameters and is several times slower on PGlite).
  const columns = Object.keys(rows[0] ?? {}).filter((k) => k !== 'search');
  const columnList = sql.join(columns.map((c) => sql.ref(c)));
  const idOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK * 2) {
    const part = rows.slice(i, i + CHUNK * 2).map(({ search: _, follow_up_dates, ...r }) => ({ ...r, follow_up_dates: JSON.parse(follow_up_dates as string) }));
    const inserted = await sql<{ id: number; case_reference: string }>`insert into contract (${columnList})
      select ${columnList} from jsonb_populate_recordset(null::contract, ${JSON.stringify(part)}::jsonb)
      returning id, case_reference`.execute(db);
    for (const x of inserted.rows) idOf.set(x.case_reference, x.id);
  }
  const contractIds = rows.map((r) => idOf.get(r.case_reference as string));
  const addOnRows = addOns.map((a) => ({
    contract_id: contractIds[a.index]!,
    sort: 1,
    text: a.text,
    price: a.price,
    unit: a.unit,
    period_from: a.period_from,
    period_to: a.period_to,
  }));
  for (let i = 0; i < addOnRows.length; i += CHUNK)
    await db
      .insertInto('contract_addon')
      .values(addOnRows.slice(i, i + CHUNK))
      .execute();
  return { contracts: rows.length, searches: searchIds.length, addOns: addOnRows.length };
}
