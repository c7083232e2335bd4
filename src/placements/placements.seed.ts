/**
 * @module Demo data for placements: vacancy reports of varied age (some stale, some offerings without one),
 * expected places, and reservations in every state. Deterministic from the seed and the clock. Holbæk's and
 * the demo provider's offerings always get a fresh report with free places, so the demo flow (search, reserve,
 * confirm) works from the start.
 */
import { addDays } from '../core/clock.js';
import type { SeedContext } from '../core/capability.js';
import { intBetween, pick, weighted } from '../core/seed/random.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import { addMonths } from './contract.logic.js';
import { seedContracts } from './contracts.seed.js';
import type { ReservationStatus } from './placements.table.js';

const HOUR = 3_600_000;
const CASE_PREFIX = ['SAG', 'BFU', 'VOK', 'SOC'] as const;
const CYCLE = ['bekraeftet', 'afventer', 'afvist', 'annulleret', 'afventer', 'udloebet'] as const;

export async function seedPlacements(ctx: SeedContext): Promise<void> {
  const { db, clock, random, log } = ctx;
  const now = clock.now();
  const today = clock.today();
  const offerings = await db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .select(['oc.offering_id', 'oc.operator_org_id', 'oc.places', 'oc.status', 'oc.municipality_code'])
    .where('oc.status', 'in', ['aktiv', 'lukket_for_indskrivning'])
    .orderBy('oc.offering_id')
    .execute();
  if (!offerings.length) return;
  const demoOrgs = await db.selectFrom('app_user').select('organisation_id').where('username', 'in', ['demo-tilbudsoekonomi', 'demo-leverandoer']).execute();
  const alwaysFresh = new Set(demoOrgs.map((u) => u.organisation_id));
  const codes = [...new Set(offerings.map((o) => o.municipality_code))];
  const buyers = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'municipality')
    .where('municipality_code', 'in', codes)
    .orderBy('id')
    .execute();
  const demoBuyer = await db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirst();
  const operators = await db.selectFrom('app_user').select(['organisation_id', 'username']).where('is_demo', '=', true).execute();
  const userOf = new Map(operators.map((u) => [u.organisation_id, u.username]));

  const reports: Array<{
    offering_id: number;
    free_now: number;
    waiting_count: number;
    taken_outside: number;
    note: string | null;
    reported_at: Date;
    reported_by: string;
    confirmed_at: Date;
    confirmed_by: string;
  }> = [];
  const expected: Array<{ offering_id: number; expected_date: string; places: number }> = [];
  const reservations: Array<{
    offering_id: number;
    buyer_org_id: number;
    case_reference: string;
    start_date: string;
    status: ReservationStatus;
    created_at: Date;
    created_by: string;
    expires_at: Date;
    decided_at: Date | null;
    decided_by: string | null;
    decline_reason: string | null;
  }> = [];

  let caseNo = 1000;
  let demoCycle = 0;
  let buyerCycle = 0;
  for (const o of offerings) {
    const isDemo = alwaysFresh.has(o.operator_org_id);
    if (!isDemo && random() < 0.15) continue; // no report yet
    const ageDays = isDemo
      ? intBetween(random, 0, 3)
      : weighted(random, [
          [intBetween(random, 0, 6), 50],
          [intBetween(random, 7, 14), 25],
          [intBetween(random, 15, 60), 25],
        ] as const);
    const confirmedAt = new Date(now.getTime() - ageDays * 24 * HOUR - intBetween(random, 1, 8) * HOUR);
    const reportedAt = random() < 0.5 ? confirmedAt : new Date(confirmedAt.getTime() - intBetween(random, 1, 30) * 24 * HOUR);
    const freeNow =
      o.status !== 'aktiv'
        ? 0
        : isDemo
          ? intBetween(random, 2, 4)
          : weighted(random, [
              [0, 45],
              [1, 30],
              [2, 15],
              [intBetween(random, 3, 5), 10],
            ] as const);
    const who = userOf.get(o.operator_org_id) ?? 'system';
    reports.push({
      offering_id: o.offering_id,
      free_now: Math.min(freeNow, o.places),
      waiting_count: freeNow === 0 ? intBetween(random, 0, 6) : 0,
      taken_outside: random() < 0.2 ? intBetween(random, 1, 2) : 0,
      note: random() < 0.1 ? 'Plads i lejlighed med eget bad; kontakt afdelingslederen for besøg.' : null,
      reported_at: reportedAt,
      reported_by: who,
      confirmed_at: confirmedAt,
      confirmed_by: who,
    });
    if (random() < 0.3)
      expected.push({ offering_id: o.offering_id, expected_date: addDays(today, intBetween(random, 7, 120)), places: intBetween(random, 1, 2) });

    // Reservations in every state, mostly on offerings with a free place.
    if (o.status === 'aktiv' && (isDemo || random() < 0.2)) {
      // The demo operators' offerings and the demo case worker's reservations go through the states in turn, so each has one confirmed.
      const isHolbaekBuyer = !isDemo && !!demoBuyer && reservations.length % 4 === 0;
      const status = isDemo ? CYCLE[demoCycle++ % CYCLE.length]! : isHolbaekBuyer ? CYCLE[buyerCycle++ % CYCLE.length]! : pick(random, CYCLE);
      const hoursAgo = status === 'udloebet' ? intBetween(random, 80, 400) : status === 'afventer' ? intBetween(random, 1, 60) : intBetween(random, 24, 400);
      const createdAt = new Date(now.getTime() - hoursAgo * HOUR);
      const decided = status === 'bekraeftet' || status === 'afvist' || status === 'annulleret';
      // Every fourth one is the demo case worker's municipality, so its list has reservations in several states.
      // The demo operators' offerings always get one from another municipality, so they have something to answer.
      const others = buyers.filter((b) => b.id !== o.operator_org_id);
      const buyer = isHolbaekBuyer ? demoBuyer.organisation_id : pick(random, others).id;
      reservations.push({
        offering_id: o.offering_id,
        buyer_org_id: buyer,
        case_reference: `${pick(random, CASE_PREFIX)}-${today.slice(0, 4)}-${String(caseNo++).padStart(5, '0')}`,
        start_date: addDays(today, intBetween(random, 3, 60)),
        status: status === 'udloebet' ? 'afventer' : status,
        created_at: createdAt,
        created_by: userOf.get(buyer) ?? 'system',
        expires_at: new Date(createdAt.getTime() + 72 * HOUR),
        decided_at: decided ? new Date(createdAt.getTime() + intBetween(random, 1, 20) * HOUR) : null,
        decided_by: decided ? (status === 'annulleret' ? (userOf.get(buyer) ?? 'system') : who) : null,
        decline_reason: status === 'afvist' ? 'Tilbuddet kan ikke møde borgerens behov for nattevagt.' : null,
      });
    }
  }
  for (let i = 0; i < reports.length; i += 2000)
    await db
      .insertInto('vacancy_report')
      .values(reports.slice(i, i + 2000))
      .execute();
  for (let i = 0; i < expected.length; i += 2000)
    await db
      .insertInto('vacancy_expected')
      .values(expected.slice(i, i + 2000))
      .execute();
  for (let i = 0; i < reservations.length; i += 2000)
    await db
      .insertInto('reservation')
      .values(reservations.slice(i, i + 2000))
      .execute();
  const contracts = await seedContractDrafts(db, now);
  const started = Date.now();
  const running = await seedContracts(ctx);
  log(
    `pladser: ${reports.length} pladsmeldinger, ${reservations.length} reservationer, ${contracts} kontrakter fra reservationer; ` +
      `${running.contracts} løbende kontrakter (${running.addOns} særydelser, ${running.searches} søgninger bag tjek) på ${Date.now() - started} ms`,
  );
}

/** Every confirmed reservation became a contract on the standard template: drafts, sent and accepted ones in turn. */
async function seedContractDrafts(db: SeedContext['db'], now: Date): Promise<number> {
  const confirmed = await db
    .selectFrom('reservation as r')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'r.offering_id')
    .select([
      'r.id',
      'r.offering_id',
      'r.buyer_org_id',
      'r.case_reference',
      'r.start_date',
      'r.created_by',
      'oc.operator_type',
      'oc.is_covered',
      'oc.legal_basis_law',
    ])
    .where('r.status', '=', 'bekraeftet')
    .orderBy('r.id')
    .execute();
  const templates = new Map((await db.selectFrom('contract_template').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const statuses = ['kladde', 'sendt', 'accepteret'] as const;
  const rows = confirmed.map((r, i) => {
    const inside = (r.operator_type === 'kommunal' || r.operator_type === 'regional') && r.is_covered;
    const code = `${inside ? 'inside' : 'outside'}_${r.legal_basis_law === 'Barnets lov' ? 'child' : 'adult'}`;
    const status = statuses[i % 3]!;
    // Sent and accepted ones have their complete terms (sending requires them); drafts are half done.
    const isDone = status !== 'kladde';
    const end = addDays(addMonths(r.start_date, 12), -1);
    return {
      buyer_department: 'Socialafdelingen',
      buyer_ean: `5798${String(r.buyer_org_id * 7 + 1).padStart(9, '0')}`,
      provider_ean: inside ? `5798${String(r.offering_id * 7 + 3).padStart(9, '0')}` : null,
      provider_cvr: inside ? null : '12345678',
      buyer_contact_name: 'Mette Hansen',
      provider_contact_name: isDone ? 'Lars Nielsen' : null,
      indexation: inside ? ('naeste_takst' as const) : ('pl' as const),
      end_date: isDone ? end : null,
      current_end_date: isDone ? end : null,
      expected_duration_months: isDone ? 12 : null,
      buyer_notice_days: 30,
      provider_notice_days: 90,
      goals: isDone ? 'Borgeren bliver mere selvhjulpen i egen bolig.' : null,
      follow_up_dates: JSON.stringify(isDone ? [addMonths(r.start_date, 2)] : []),
      payment_timing: isDone ? ('bagud' as const) : null,
      payment_days: 30,
      reservation_id: r.id,
      offering_id: r.offering_id,
      buyer_org_id: r.buyer_org_id,
      template_id: templates.get(code) ?? null,
      is_standard: templates.has(code),
      case_reference: r.case_reference,
      start_date: r.start_date,
      status,
      created_at: now,
      created_by: r.created_by,
      sent_at: status === 'kladde' ? null : now,
      sent_by: status === 'kladde' ? null : r.created_by,
      accepted_at: status === 'accepteret' ? now : null,
      accepted_by: status === 'accepteret' ? 'system' : null,
    };
  });
  if (rows.length) await db.insertInto('contract').values(rows).execute();
  return rows.length;
}
