/**
 * @module Demo tariffs: for every demo offering, full calculations for the two previous years and this year
 * (published in the area's overview, a few corrected by a second version), and next year's round in progress
 * (drafts, submitted, returned, approved, not started), plus the actual occupancy the editor fills in. Batched
 * multi-row inserts, year by year, so a version can point at last year's.
 */
import { sql, type Insertable } from 'kysely';
import type { SeedContext } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import type { Db } from '../core/db/types.js';
import { intBetween, pick } from '../core/seed/random.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import { areaIdOfMunicipalitySql } from '../reference/reference.public.js';
import { calculateTariff, type CalcResult } from './calculation.js';
import { isIncreaseFlagged, tariffChange } from './increase.js';
import { calcRulesOf, deadlineFor, priceIndex, rulesByAreaYear, snapshotOf } from './rules.repository.js';
import { budgetInput, CORRECTION_REASONS, EXPLANATIONS, growthFactor, regulationFor, traitFor, type OfferingSeed, type Trait } from './seed.budget.js';
import type { TariffStatus, TariffVersionTable } from './tariffs.table.js';

type SeedValues = Omit<Insertable<TariffVersionTable>, 'id' | 'tariff_id'>;

type Offering = OfferingSeed & { status: string; municipality_code: number; operator_org_id: number; is_short_stay: boolean; area_id: number };
type Published = { id: number; average: string; unit: string };

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** Every offering with the agreement area its municipality belongs to on the date (from the catalogue and the reference data). */
async function loadOfferings(db: Db, date: string): Promise<Offering[]> {
  const rows = await sql<Omit<Offering, 'area_id' | 'area_code'> & { area_id: number | null; area_code: string | null }>`
    select oc.offering_id as id, oc.offering_type, oc.places, oc.operator_type, oc.operator_org_id, oc.status, oc.municipality_code, oc.is_residential, oc.is_short_stay,
      m.area_id, a.code as area_code
    from ${offeringCatalogue(db)} oc
    cross join lateral (select ${areaIdOfMunicipalitySql(sql.ref('oc.municipality_code'), date)} as area_id) m
    left join agreement_area a on a.id = m.area_id
    order by oc.offering_id`.execute(db);
  return rows.rows.filter((r): r is Offering => r.area_id !== null && r.area_code !== null);
}

/** Actual occupancy per offering for the accounts years, most around 92-99 %, a few low. */
function actualOccupancy(random: () => number, offerings: Offering[], years: number[]) {
  const out = new Map<number, Map<number, string>>();
  for (const o of offerings) {
    const base = random() < 0.1 ? 85 + random() * 8 : 93 + random() * 5;
    out.set(o.id, new Map(years.map((y) => [y, Math.min(100, base + (random() - 0.5) * 3).toFixed(1)])));
  }
  return out;
}

async function insertBatched<T>(rows: T[], size: number, run: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

export async function seedTariffs({ db, clock, random, log }: SeedContext): Promise<void> {
  const now = clock.today();
  const y0 = Number(now.slice(0, 4));
  const publishedYears = [y0 - 2, y0 - 1, y0];
  const round = y0 + 1;
  const offerings = await loadOfferings(db, now);
  if (!offerings.length) return;
  const areaIds = [...new Set(offerings.map((o) => o.area_id))];
  const rules = await rulesByAreaYear(
    db,
    areaIds.flatMap((areaId) => [...publishedYears, round].map((year) => ({ areaId, year }))),
  );
  const pl = await priceIndex(db);

  // Actual occupancy for the four accounts years before this one.
  const accountsYears = [y0 - 4, y0 - 3, y0 - 2, y0 - 1];
  const actual = actualOccupancy(random, offerings, accountsYears);
  const occRows = offerings
    .filter((o) => o.offering_type !== 'ambulant')
    .flatMap((o) => accountsYears.map((year) => ({ offering_id: o.id, year, occupancy_pct: actual.get(o.id)!.get(year)!, source: 'Regnskab (demodata)' })));
  await insertBatched(occRows, 2000, async (b) => void (await db.insertInto('tariff_actual_occupancy').values(b).execute()));

  const traits = new Map<number, Trait>(offerings.map((o) => [o.id, traitFor(random, o)]));
  const costLevel = new Map<number, number>(offerings.map((o) => [o.id, traits.get(o.id)!.baseCost]));
  // Every operator has at least one offering whose round has not started (so each demo operator can start one).
  const notStarted = new Set<number>();
  const seenOrgs = new Set<number>();
  for (const o of offerings) if (o.status !== 'lukket' && !seenOrgs.has(o.operator_org_id)) seenOrgs.add(o.operator_org_id), notStarted.add(o.id);
  let previous = new Map<number, Published>();
  let versionCount = 0;
  let flaggedCount = 0;

  for (const year of [...publishedYears, round]) {
    const isRound = year === round;
    const rows: Array<{ o: Offering; values: SeedValues; levels: CalcResult['levels']; correction?: SeedValues & { levels: CalcResult['levels'] } }> = [];
    const next = new Map<number, Published>();
    for (const o of offerings) {
      const trait = traits.get(o.id)!;
      if (year !== publishedYears[0]) costLevel.set(o.id, costLevel.get(o.id)! * growthFactor(random, pl.get(year) ?? null, o).factor);
      if (isRound && o.status === 'lukket') continue;
      const rule = rules.get(`${o.area_id}:${year}`);
      if (!rule) continue;
      const history = [...actual.get(o.id)!.entries()]
        .filter(([y]) => y < year)
        .slice(-2)
        .map(([, v]) => v);
      const input = budgetInput(random, o, trait, year, costLevel.get(o.id)!, {
        shortStay: o.is_short_stay,
        history,
        regulation: regulationFor(random, costLevel.get(o.id)!, rule.retain_limit_pct, year - 2),
      });
      const snapshot = snapshotOf(rule, year, pl.get(year) ?? null);
      const result = calculateTariff(input, calcRulesOf(rule));
      const prev = previous.get(o.id);
      const comparable = prev && prev.unit === input.unit ? prev : null;
      const change = tariffChange(comparable?.average ?? null, result.averageTariff, snapshot.plPct);
      const isFlagged = isIncreaseFlagged(change, snapshot, o.is_residential);
      const deadline = deadlineFor(rule, year);
      const publishOn = addDays(deadline, 21);

      // Status and dates: published years are complete; next year's round is under way.
      let status: TariffStatus = 'offentliggjort';
      const late = random() < 0.08;
      let submitted: string | null = late ? addDays(deadline, intBetween(random, 1, 14)) : addDays(deadline, -intBetween(random, 1, 45));
      let approved: string | null = addDays(submitted, intBetween(random, 1, 6));
      if (isRound) {
        const deadlinePassed = deadline < now;
        const r = random();
        status = deadlinePassed
          ? r < 0.05
            ? 'returneret'
            : r < 0.12
              ? 'kladde'
              : r < 0.45
                ? 'indsendt'
                : r < 0.95
                  ? 'godkendt'
                  : ('mangler' as TariffStatus)
          : r < 0.05
            ? 'returneret'
            : r < 0.3
              ? 'kladde'
              : r < 0.5
                ? 'indsendt'
                : r < 0.65
                  ? 'godkendt'
                  : ('mangler' as TariffStatus);
        if ((status as string) === 'mangler' || notStarted.has(o.id)) continue;
        const latest = deadlinePassed ? now : addDays(now, -1);
        submitted =
          status === 'kladde'
            ? null
            : late && deadlinePassed
              ? addDays(deadline, intBetween(random, 1, 10))
              : addDays(deadlinePassed ? deadline : now, -intBetween(random, 2, 30));
        if (submitted && submitted > latest) submitted = latest;
        approved =
          status === 'godkendt' && submitted
            ? // biome-ignore lint/complexity/useMathMinMax: dates are strings, and the two draws keep the demo data as it was
              addDays(submitted, intBetween(random, 0, 5)) > latest
              ? latest
              : addDays(submitted, intBetween(random, 0, 5))
            : null;
      }
      const explained = isFlagged && (status !== 'kladde' || random() < 0.5);
      const values: SeedValues = {
        version: 1,
        status,
        unit: input.unit,
        input: JSON.stringify(input),
        rules: JSON.stringify(snapshot),
        basis: result.basis,
        overhead: result.overhead,
        overhead_pct: result.overheadPct,
        occupancy_pct_used: result.occupancyPctUsed,
        occupancy_source: result.occupancySource,
        capacity_units: result.capacityUnits,
        average_tariff: result.averageTariff,
        warnings: JSON.stringify(result.warnings),
        prev_version_id: comparable?.id ?? null,
        nominal_change_pct: change.nominalPct,
        real_change_pct: change.realPct,
        is_flagged: isFlagged,
        explanation: explained ? pick(random, EXPLANATIONS) : null,
        correction_reason: null,
        return_comment: status === 'returneret' ? 'Uddyb venligst stigningen i lønudgifterne og dokumentér overheadprocenten.' : null,
        created_by: 'demodata',
        created_at: at(addDays(submitted ?? now, -intBetween(random, 3, 25)), 8),
        updated_at: at(
          approved && (status === 'godkendt' || status === 'offentliggjort') ? approved : (submitted ?? addDays(now, -intBetween(random, 0, 2))),
          14,
        ),
        submitted_at: submitted ? at(submitted, 10) : null,
        submitted_by: submitted ? 'demodata' : null,
        is_on_time: submitted ? submitted <= deadline : null,
        approved_at: approved && (status === 'godkendt' || status === 'offentliggjort') ? at(approved, 13) : null,
        approved_by: approved && (status === 'godkendt' || status === 'offentliggjort') ? 'demodata' : null,
        published_at: status === 'offentliggjort' ? at(publishOn, 12) : null,
        publication_id: null,
        superseded_at: null,
      };
      let correction: (typeof rows)[number]['correction'];
      if (!isRound && random() < 0.025) {
        // A correction during the year: property costs were wrong; version 2 replaces version 1.
        const fixedInput = {
          ...input,
          costs: input.costs.map((c) => (c.category === 'property' ? { ...c, amount: String(Math.round(Number(c.amount) * 0.85)) } : c)),
        };
        const fixed = calculateTariff(fixedInput, calcRulesOf(rule));
        const fixedChange = tariffChange(comparable?.average ?? null, fixed.averageTariff, snapshot.plPct);
        const fixedFlag = isIncreaseFlagged(fixedChange, snapshot, o.is_residential);
        const when = `${year}-0${intBetween(random, 3, 5)}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
        correction = {
          ...values,
          version: 2,
          input: JSON.stringify(fixedInput),
          basis: fixed.basis,
          overhead: fixed.overhead,
          overhead_pct: fixed.overheadPct,
          average_tariff: fixed.averageTariff,
          warnings: JSON.stringify(fixed.warnings),
          nominal_change_pct: fixedChange.nominalPct,
          real_change_pct: fixedChange.realPct,
          is_flagged: fixedFlag,
          explanation: fixedFlag ? (values.explanation ?? pick(random, EXPLANATIONS)) : values.explanation,
          correction_reason: pick(random, CORRECTION_REASONS),
          created_at: at(addDays(when, -12), 8),
          updated_at: at(addDays(when, -2), 13),
          submitted_at: at(addDays(when, -7), 10),
          is_on_time: null,
          approved_at: at(addDays(when, -2), 13),
          published_at: at(when, 12),
          levels: fixed.levels,
        };
        values.superseded_at = at(when, 12);
      }
      if (isFlagged) flaggedCount++;
      rows.push({ o, values, levels: result.levels, correction });
    }

    // Publications: one overview per area in December, one for the corrections during the year.
    const pubIds = new Map<string, number>();
    if (!isRound) {
      for (const areaId of areaIds) {
        const mine = rows.filter((r) => r.o.area_id === areaId);
        if (!mine.length) continue;
        const mainDate = mine[0]!.values.published_at as Date;
        const main = await db
          .insertInto('tariff_publication')
          .values({ area_id: areaId, year, published_at: mainDate, published_by: 'demodata', version_count: mine.length })
          .returning('id')
          .executeTakeFirstOrThrow();
        pubIds.set(`${areaId}:main`, main.id);
        const corrections = mine.filter((r) => r.correction);
        if (corrections.length) {
          const last = corrections.map((r) => r.correction!.published_at as Date).sort((a, b) => b.getTime() - a.getTime())[0]!;
          const c = await db
            .insertInto('tariff_publication')
            .values({ area_id: areaId, year, published_at: last, published_by: 'demodata', version_count: corrections.length })
            .returning('id')
            .executeTakeFirstOrThrow();
          pubIds.set(`${areaId}:corr`, c.id);
        }
      }
    }

    await insertBatched(rows, 400, async (batch) => {
      const tariffIds = await db
        .insertInto('tariff')
        .values(batch.map((r) => ({ offering_id: r.o.id, year, area_id: r.o.area_id })))
        .returning('id')
        .execute();
      // One or two versions per tariff; the last one is the one in force next year compares with.
      const versionRows: Array<SeedValues & { tariff_id: number }> = [];
      const levelSets: CalcResult['levels'][] = [];
      const current: Array<{ offeringId: number; average: string; unit: string }> = [];
      batch.forEach((r, i) => {
        versionRows.push({ ...r.values, tariff_id: tariffIds[i]!.id, publication_id: isRound ? null : pubIds.get(`${r.o.area_id}:main`)! });
        levelSets.push(r.levels);
        current.push({ offeringId: r.o.id, average: r.values.average_tariff as string, unit: r.values.unit as string });
        if (r.correction) {
          const { levels, ...c } = r.correction;
          versionRows.push({ ...c, tariff_id: tariffIds[i]!.id, publication_id: pubIds.get(`${r.o.area_id}:corr`)! });
          levelSets.push(levels);
          current[current.length - 1] = { offeringId: r.o.id, average: c.average_tariff as string, unit: c.unit as string };
          current.push(current[current.length - 1]!);
        }
      });
      const ids = await db.insertInto('tariff_version').values(versionRows).returning('id').execute();
      await db
        .insertInto('tariff_level')
        .values(
          ids.flatMap((v, i) => levelSets[i]!.map((l, sort) => ({ version_id: v.id, sort, name: l.name, weight: l.weight, share: l.share, tariff: l.tariff }))),
        )
        .execute();
      versionCount += ids.length;
      // Later rows overwrite earlier ones, so a corrected tariff ends with its version 2.
      ids.forEach((v, i) => next.set(current[i]!.offeringId, { id: v.id, average: current[i]!.average, unit: current[i]!.unit }));
    });
    previous = next;
  }
  // PGlite runs no autovacuum: give the planner statistics for the tables just filled.
  await sql`analyze tariff, tariff_version, tariff_level, tariff_actual_occupancy, tariff_publication`.execute(db);
  log(
    `${versionCount} takstversioner for ${offerings.length} tilbud (${publishedYears.join(', ')} offentliggjort, ${round} i gang), ${flaggedCount} stigninger over grænsen`,
  );
}
