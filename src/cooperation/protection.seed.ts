/**
 * @module Demo data of the protected offerings' watch, deterministic. The thresholds and steps are the demo's own
 * working assumption (the real nødbremse mechanics were not found in the sources; DOMAIN.md 5.3): per area dated
 * trigger rules (Hovedstaden: occupancy under 85 % three months in a row, a deficit over 1 mio. kr., a seller's notice;
 * Nordjylland: under 90 % six months, over 0,5 mio. kr., a notice; Sjælland: under 80 % three months, a notice) and
 * the procedure of a dialogue case (Hovedstaden's nødbremse: notice → the secretariat's assessment → dialogue with the
 * buying municipalities → proposal to the steering group → decision). One case per area in scope on the protected
 * offering whose occupancy trigger fires (in Hovedstaden the emergency brake, two steps done and some answers), and a
 * seller's notice on another protected offering.
 */
import type { SeedContext } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { contractsForCapacity } from '../placements/placements.public.js';
import { evaluateTriggers, lastMonths, monthlyOccupancy } from './protection.logic.js';
import type { DialogueAnswer, TriggerKind } from './protection.table.js';

type RuleSpec = { kind: TriggerKind; sharePct?: string; months?: number; amount?: string; deadlineDays: number; note: string };
const RULES: Record<string, RuleSpec[]> = {
  hovedstaden: [
    { kind: 'belaegning', sharePct: '85', months: 3, deadlineDays: 30, note: 'Nødbremsen: vedvarende lav belægning truer tilbuddets faglige bæredygtighed.' },
    { kind: 'underskud', amount: '1000000', deadlineDays: 30, note: 'Nødbremsen: et stort underskud lægges på taksten for de købende kommuner.' },
    { kind: 'varsel', deadlineDays: 20, note: 'Nødbremsen: driftsherren varsler lukning eller færre pladser.' },
  ],
  nordjylland: [
    { kind: 'belaegning', sharePct: '90', months: 6, deadlineDays: 30, note: 'Det forstærkede samarbejde: tidlig fælles handling ved faldende belægning.' },
    { kind: 'underskud', amount: '500000', deadlineDays: 30, note: 'Det forstærkede samarbejde: underskud drøftes i den årlige bæredygtighedsdrøftelse.' },
    { kind: 'varsel', deadlineDays: 30, note: 'Det forstærkede samarbejde: varsel om ændringer drøftes, før der træffes beslutning.' },
  ],
  sjaelland: [
    {
      kind: 'belaegning',
      sharePct: '80',
      months: 3,
      deadlineDays: 30,
      note: 'Demo: lav belægning i et tilbud, som området har udpeget som særligt specialiseret.',
    },
    { kind: 'varsel', deadlineDays: 30, note: 'Demo: varsel om lukning eller færre pladser.' },
  ],
};
const PROCEDURES: Record<string, { name: string; steps: string[] }> = {
  hovedstaden: {
    name: 'Nødbremse',
    steps: [
      'Varsel fra driftsherren til sekretariatet',
      'Sekretariatets vurdering af tilbuddets bæredygtighed',
      'Dialog med de købende kommuner',
      'Indstilling til Taskforcen og styregruppen',
      'Beslutning i styregruppen',
    ],
  },
  nordjylland: {
    name: 'Forstærket dialog',
    steps: [
      'Varsel til sekretariatet',
      'Skærpet dialog mellem driftsherre og kommuner',
      'Ekspertpanelets vurdering',
      'Indstilling til Den Administrative Styregruppe',
      'Beslutning',
    ],
  },
  sjaelland: { name: 'Fælles dialog', steps: ['Varsel til sekretariatet', 'Dialog med kommunerne', 'Behandling i styregruppen', 'Beslutning'] },
};
const ANSWERS: Array<[DialogueAnswer, string | null]> = [
  ['bevar', 'Vi har brug for tilbuddet til borgere med meget komplekse behov.'],
  ['bruger_pladser', 'Vi kan visitere to borgere i det kommende halvår.'],
  ['ingen_behov', null],
  ['bekymring', 'Vi er bekymrede for taksten, hvis belægningen fortsat falder.'],
];

export async function seedProtection({ db, clock, log }: SeedContext): Promise<void> {
  const today = clock.today();
  const areas = await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', 'in', Object.keys(RULES)).execute();
  let cases = 0;
  for (const area of areas) {
    for (const r of RULES[area.code] ?? [])
      await db
        .insertInto('coop_protection_trigger')
        .values({
          area_id: area.id,
          kind: r.kind,
          share_pct: r.sharePct ?? null,
          months: r.months ?? null,
          amount: r.amount ?? null,
          deadline_days: r.deadlineDays,
          note: r.note,
          valid_from: '2024-01-01',
          created_by: 'system',
        })
        .execute();
    const p = PROCEDURES[area.code]!;
    await db.insertInto('coop_protection_procedure').values({ area_id: area.id, name: p.name, steps: p.steps, valid_from: '2024-01-01' }).execute();

    // The area's protected residential offerings (in member municipalities today), largest first.
    const offerings = await db
      .selectFrom('offering as o')
      .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
      .innerJoin('organisation as mo', 'mo.municipality_code', 'o.municipality_code')
      .innerJoin('agreement_area_member as am', 'am.organisation_id', 'mo.id')
      .select(['o.id', 'o.name', 'o.places', 'o.municipality_code', 'o.operator_org_id'])
      .where('am.area_id', '=', area.id)
      .where('mo.kind', '=', 'municipality')
      .where('am.valid_from', '<=', today)
      .where((eb) => eb.or([eb('am.valid_to', 'is', null), eb('am.valid_to', '>=', today)]))
      .where('o.protection', '<>', 'ingen')
      .where('o.status', '<>', 'lukket')
      .where('o.places', '>', 0)
      .orderBy('o.places', 'desc')
      .orderBy('o.id')
      .execute();
    if (!offerings.length) continue;
    const dates = lastMonths(today, 12);
    const codes = [...new Set(offerings.map((o) => o.municipality_code))];
    const contracts = await contractsForCapacity(db, { from: dates[0]!, to: today }, { offeringCodes: codes, buyerCodes: [] });
    const rules = await db
      .selectFrom('coop_protection_trigger')
      .select(['id', 'kind', 'share_pct', 'months', 'amount', 'deadline_days'])
      .where('area_id', '=', area.id)
      .orderBy('id')
      .execute();
    const occupancyRule = rules.find((r) => r.kind === 'belaegning')!;
    const rule = { id: occupancyRule.id, kind: occupancyRule.kind, sharePct: String(occupancyRule.share_pct), months: occupancyRule.months, amount: null };
    const fires = offerings
      .map((o) => {
        const occupancy = monthlyOccupancy(
          o.places,
          contracts.filter((c) => c.offeringId === o.id),
          dates,
        );
        return { o, firing: evaluateTriggers([rule], { today, occupancy, deficits: [], notices: [] })[0] };
      })
      .find((x) => x.firing);
    const other = offerings.find((o) => o.id !== fires?.o.id);
    if (other)
      await db
        .insertInto('coop_protection_notice')
        .values({
          offering_id: other.id,
          kind: 'faerre_pladser',
          places_after: Math.max(0, other.places - 2),
          given_on: addDays(today, -20),
          effective_on: addDays(today, 120),
          text: 'Driftsherren varsler, at to pladser lukkes, fordi efterspørgslen er faldet.',
          recorded_by: 'system',
        })
        .execute();
    if (!fires?.firing) continue;
    const opened = addDays(today, -21);
    const c = await db
      .insertInto('coop_dialogue_case')
      .values({
        area_id: area.id,
        offering_id: fires.o.id,
        trigger_id: rule.id,
        procedure_name: p.name,
        reason: fires.firing.reason,
        deadline: addDays(opened, occupancyRule.deadline_days),
        created_at: new Date(`${opened}T09:00:00Z`),
        created_by: 'system',
        version: area.code === 'hovedstaden' ? 3 : 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = area.code === 'hovedstaden' ? 2 : 1;
    await db
      .insertInto('coop_dialogue_step')
      .values(
        p.steps.map((label, i) => ({
          case_id: c.id,
          sort: i + 1,
          label,
          done_on: i < done ? addDays(opened, i * 7) : null,
          note:
            i === 0
              ? 'Driftsherren har meddelt sekretariatet, at belægningen er faldet i flere måneder.'
              : i < done
                ? 'Vurderingen er sendt til kommunerne.'
                : null,
          done_by: i < done ? 'system' : null,
          done_at: i < done ? new Date(`${addDays(opened, i * 7)}T12:00:00Z`) : null,
        })),
      )
      .execute();
    if (area.code === 'hovedstaden') {
      const members = await db
        .selectFrom('agreement_area_member as am')
        .innerJoin('organisation as o', 'o.id', 'am.organisation_id')
        .select('o.id')
        .where('am.area_id', '=', area.id)
        .where('o.kind', '=', 'municipality')
        .where('o.id', '<>', fires.o.operator_org_id)
        .orderBy('o.name')
        .limit(4)
        .execute();
      for (const [i, m] of members.entries()) {
        const [answer, note] = ANSWERS[i % ANSWERS.length]!;
        await db.insertInto('coop_dialogue_answer').values({ case_id: c.id, organisation_id: m.id, answer, note, answered_by: 'system' }).execute();
      }
    }
    cases++;
  }
  log(`udløsere og forløb for ${areas.length} områder, ${cases} dialogsager`);
}
