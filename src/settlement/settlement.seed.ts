/**
 * @module Settlement's demo data: an invented EAN number (GLN, valid check digit, Danish prefix 5798) for every
 * municipality, region and provider, so that every statement can be sent as an electronic invoice. Deterministic
 * from the organisation's id.
 */
import { type Insertable, sql } from 'kysely';
import type { SeedContext } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { contractsForFollowUp } from '../placements/placements.public.js';
import { addMonths, SDec } from './calculation.js';
import { followUpSchedule } from './followup.logic.js';
import { SCALE } from './followup.service.js';
import type { FollowUpTable } from './settlement.table.js';
import { draftMonth } from './statement.generate.js';

/** The GS1 check digit of 12 digits: weights 1 and 3 alternating from the left. */
export function glnCheckDigit(twelve: string): number {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** The demo EAN of an organisation: 5798 9 + the id in 7 digits + the check digit. */
export const demoEan = (organisationId: number): string => {
  const twelve = `57989${String(organisationId).padStart(7, '0')}`;
  return `${twelve}${glnCheckDigit(twelve)}`;
};

export async function seedSettlement(ctx: SeedContext): Promise<void> {
  const { db, log } = ctx;
  const orgs = await db.selectFrom('organisation').select('id').where('kind', '<>', 'secretariat').execute();
  const rows = orgs.map((o) => ({ id: o.id, ean: demoEan(o.id) }));
  await sql`
    insert into settlement_party (organisation_id, ean)
    select x.id, x.ean from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id integer, ean text)
    on conflict (organisation_id) do nothing
  `.execute(db);
  log(`Afregning: EAN-numre for ${rows.length} organisationer.`);
  await seedStatements(ctx);
  await seedFollowUps(ctx);
}

const DISPUTE_REASONS = [
  'Borgeren flyttede fra tilbuddet før månedens udgang; dagene efter fraflytning skal ikke betales.',
  'Linjen er afregnet på et højere niveau end aftalt i kontrakten.',
  'Borgeren var indlagt på hospital i en del af perioden, jf. aftalen om fravær.',
];
const ANSWER_TEXTS = {
  korrigeret: 'Enig: linjen rettes, og forskellen modregnes på næste måneds afregning.',
  fastholdt: 'Vi fastholder linjen: ydelsen er leveret i hele perioden efter den gældende takst.',
} as const;

/** A deterministic number in [0, 100) from an id and a salt (a murmur-style mix, so that different salts do not correlate). */
function bucket(id: number, salt: number): number {
  let h = Math.imul(id ^ Math.imul(salt + 1, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 100;
}

/**
 * Twelve months of statements up to last month (three in the national scope, whose 60,000 contracts the bench settles), from the demo contracts and the published tariffs, in every state:
 * last month's are drafts; the month before is sent, partly accepted, partly disputed (some answered, some not);
 * older months are accepted, after a dispute for some lines, of which half were corrected: the adjustment line is on
 * the following month's statement. The pair the demo walk-through uses (Holbæk sells to Næstved) stays unsent.
 */
export async function seedStatements({ db, clock, log, scope }: SeedContext): Promise<void> {
  const started = Date.now();
  const current = clock.today().slice(0, 7);
  const now = clock.now();
  const rule = await db.selectFrom('settlement_rule').selectAll().orderBy('valid_from', 'desc').executeTakeFirst();
  if (!rule) return;
  const orgOf = async (username: string) =>
    (await db.selectFrom('app_user').select('organisation_id').where('username', '=', username).executeTakeFirst())?.organisation_id ?? -1;
  const [keptSeller, keptBuyer] = [await orgOf('demo-tilbudsoekonomi'), await orgOf('demo-naestved')];
  let statements = 0;
  let lines = 0;
  let unanalysed = 0;
  const months = scope === 'national' ? 3 : 12;
  for (let k = months; k >= 1; k--) {
    const month = addMonths(current, -k);
    // Fresh planner statistics once the tables have grown a lot (a national month): autovacuum does not notice in time,
    // and the next month's inserts and corrections then join by nested loops over tables the planner thinks are empty.
    if (unanalysed >= 20_000) {
      await sql`analyze settlement_statement, settlement_line`.execute(db);
      unanalysed = 0;
    }
    const r = await draftMonth(db, month, null, now);
    statements += r.statements;
    lines += r.lines;
    unanalysed += r.lines;
    if (k === 1) continue;
    const sentOn = addDays(`${addMonths(month, 1)}-01`, 4);
    const at = (days: number) => new Date(`${addDays(sentOn, days)}T09:00:00Z`);
    await sql`
      update settlement_statement s set status = 'sendt', sent_at = ${at(0)}, due_date = ${addDays(sentOn, rule.payment_days)}::date,
        legal_references = ${rule.legal_references},
        sent_by = coalesce((select u.username from app_user u where u.organisation_id = s.seller_org_id order by u.id limit 1), 'system')
      where s.month = ${`${month}-01`}::date and s.status = 'kladde' and s.line_count > s.problem_count
        and not (s.seller_org_id = ${keptSeller} and s.buyer_org_id = ${keptBuyer})`.execute(db);
    // One line per disputed statement (the first contract line of at least three days), chosen and written set-based.
    const candidates = await sql<{ statement_id: number; id: number; amount: string; unit_price: string | null }>`
      select distinct on (l.statement_id) l.statement_id, l.id, l.amount::text as amount, l.unit_price::text as unit_price
      from settlement_line l join settlement_statement s on s.id = l.statement_id
      where s.month = ${`${month}-01`}::date and s.status = 'sendt' and l.kind = 'contract' and l.amount is not null and l.days >= 3
      order by l.statement_id, l.sort`.execute(db);
    const disputes = candidates.rows
      .filter((c) => bucket(c.statement_id, k) < (k === 2 ? 25 : 8))
      .map((c) => {
        const isAnswered = k > 2 || bucket(c.statement_id, 99) < 40;
        const answer = bucket(c.statement_id, 7) < 50 ? 'korrigeret' : 'fastholdt';
        return {
          statement: c.statement_id,
          line: c.id,
          reason: DISPUTE_REASONS[bucket(c.statement_id, 3) % DISPUTE_REASONS.length]!,
          answer: isAnswered ? answer : null,
          text: isAnswered ? ANSWER_TEXTS[answer] : null,
          corrected: isAnswered && answer === 'korrigeret' ? new SDec(c.amount).minus(new SDec(c.unit_price ?? 0).times(2)).toFixed(2) : null,
        };
      });
    if (disputes.length) {
      const json = JSON.stringify(disputes);
      await sql`
        update settlement_line l set dispute_reason = x.reason, disputed_at = ${at(6)}, disputed_by = 'økonomi',
          answer = x.answer, answer_text = x.text, corrected_amount = x.corrected,
          answered_at = case when x.answer is null then null else ${at(10)}::timestamptz end,
          answered_by = case when x.answer is null then null else 'økonomi' end
        from jsonb_to_recordset(${json}::jsonb) as x(line integer, reason text, answer text, text text, corrected numeric)
        where l.id = x.line`.execute(db);
      await sql`
        update settlement_statement s set status = case when x.answer is null then 'bestridt' else 'besvaret' end
        from jsonb_to_recordset(${json}::jsonb) as x(statement integer, answer text)
        where s.id = x.statement`.execute(db);
    }
    // Older months: everything accepted (after the answers). The month before last: about a third accepted so far.
    await sql`
      update settlement_statement s set status = 'accepteret', accepted_at = ${at(14)}, accepted_by = 'økonomi'
      where s.month = ${`${month}-01`}::date and s.status in ('sendt', 'besvaret')
        and (${k > 2} or (s.status = 'sendt' and (s.id * 7) % 3 = 0))`.execute(db);
  }
  log(
    `Afregning: ${statements} afregninger med ${lines} linjer over ${months} måneder (kladder, sendte, bestridte, besvarede, godkendte) på ${Date.now() - started} ms.`,
  );
}

const STATUS_REPORTS = [
  'Borgeren deltager stabilt i hverdagens aktiviteter og har selv planlagt indkøb de fleste uger.',
  'Perioden har været præget af uro; borgeren har brug for samme støtte som hidtil.',
  'Borgeren har taget nye skridt mod selvstændighed og klarer nu morgenrutinen uden hjælp.',
  'Borgeren har fået arbejdstræning to dage om ugen og trives med det.',
];

/**
 * Follow-ups of the demo contracts on their schedule up to today: most held on time, some late, some not yet held
 * (overdue on the work lists); the level on the scale improves over time for some citizens, stays for most and
 * worsens for a few. Deterministic from the contract ids.
 */
export async function seedFollowUps({ db, clock, log }: SeedContext): Promise<void> {
  const today = clock.today();
  const rule = await db.selectFrom('followup_rule').selectAll().where('valid_to', 'is', null).executeTakeFirst();
  if (!rule) return;
  const schedule = { firstMonths: rule.first_months, intervalMonths: rule.interval_months, dueSoonDays: rule.due_soon_days };
  const buyers = await db.selectFrom('organisation').select('id').where('kind', '=', 'municipality').orderBy('id').execute();
  const rows: Insertable<FollowUpTable>[] = [];
  const recordedAt = (d: string) => new Date(`${d}T11:00:00Z`);
  for (const b of buyers) {
    for (const c of await contractsForFollowUp(db, b.id)) {
      const trend = bucket(c.contractId, 1) < 35 ? -1 : bucket(c.contractId, 1) < 85 ? 0 : 1;
      let level = 3 + (bucket(c.contractId, 2) % 3);
      for (const due of followUpSchedule(c, schedule, today)) {
        const roll = bucket(c.contractId + Number(due.replaceAll('-', '')), 3);
        if (roll >= 90) continue;
        const heldOn = roll < 72 ? addDays(due, -(roll % 10)) : addDays(due, 10 + (roll % 40));
        if (heldOn > today) continue;
        rows.push({
          contract_id: c.contractId,
          buyer_org_id: b.id,
          due_date: due,
          held_on: heldOn,
          status_report: STATUS_REPORTS[roll % STATUS_REPORTS.length]!,
          scale: SCALE,
          level,
          note: trend < 0 ? 'Støtten kan gradvist trappes ned.' : null,
          decision: 'fortsaet',
          recorded_at: recordedAt(heldOn),
          recorded_by: 'sagsbehandler',
        });
        level = Math.min(5, Math.max(1, level + trend));
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('followup')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  log(`Opfølgning: ${rows.length} afholdte opfølgninger.`);
}
