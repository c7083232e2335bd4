/**
 * @module The place search for a citizen's need: offerings matching the legal bases, target groups, offering
 * types, age and municipalities, with their free places (now, and expected by the start date), the published
 * tariff for the start date's year, and — where the area's public-first rule applies on the start date —
 * suitable public offerings with a free place first and marked. Each submitted search is kept with the
 * offerings shown and their free places at that moment, so a later purchase can point to it.
 */
import { requireSignedIn } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { badRequest } from '../core/errors.js';
import { ageInDays, isPublicOperatorType, isStale, orderResults, reservablePlaces } from './logic.js';
import { PLACEMENTS } from './placements.policy.js';
import * as repo from './placements.repository.js';
import type { TSearchQuery } from './placements.schema.js';
import * as searchRepo from './search.repository.js';
import { outcomesOfOfferings } from '../settlement/settlement.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import { municipalityCodesOfArea, referenceTables } from '../reference/reference.public.js';
import { isValidOn } from '../core/db/dated.js';

/** The form's choices: legal bases, target groups, offering types, areas and their municipalities valid today. */
async function formChoices(ctx: Ctx, today: string) {
  const ref = await referenceTables(ctx.db);
  const areaMembers = ref.members.filter((m) => m.kind === 'municipality' && isValidOn(m, today));
  return {
    legalBases: ref.legalBases.filter((l) => isValidOn(l, today)).map((l) => ({ value: l.code, label: `${l.law} ${l.paragraph} ${l.title}` })),
    targetGroups: ref.targetGroups.filter((g) => isValidOn(g, today)).map((g) => ({ value: g.code, label: g.name })),
    offeringTypes: ref.offeringTypes.map((o) => ({ value: o.code, label: o.name })),
    areas: ref.areas.map((a) => ({ value: a.code, label: a.name, id: a.id })),
    municipalities: areaMembers.map((m) => ({ value: String(m.municipality_code), label: m.name, areaId: m.area_id })),
  };
}

export async function searchPlaces(ctx: Ctx, q: TSearchQuery) {
  const actor = requireSignedIn(ctx, 'placements.search', PLACEMENTS);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const choices = await formChoices(ctx, today);
  const area = q.area ? choices.areas.find((a) => a.value === q.area) : choices.areas.find((a) => a.id === actor.areaIds[0]);
  const startDate = q.startDate ?? today;
  if (startDate < today) throw badRequest('Oplysningerne er ikke gyldige.', { startDate: ['Startdatoen kan ikke ligge før i dag.'] });
  const criteria = { ...q, area: area?.value, startDate };
  if (q.soeg === undefined) return { choices, criteria, result: null };

  const municipalityCodes = q.municipality.length ? q.municipality : area ? await municipalityCodesOfArea(ctx.db, { id: area.id }, today) : null;
  const rule = area ? await repo.ruleOn(ctx.db, area.id, startDate) : null;
  const isPublicFirst = !!rule?.is_public_first;
  const candidates = await searchRepo.searchCandidates(
    ctx.db,
    {
      legalBases: q.legalBasis,
      targetGroups: q.targetGroup,
      offeringTypes: q.offeringType,
      age: q.age ?? null,
      municipalityCodes,
      statuses: ['aktiv', 'lukket_for_indskrivning'],
    },
    now,
    today,
    startDate,
  );
  const staleAfter = rule?.stale_after_days ?? null;
  const rows = candidates
    .map((c) => {
      const freeNow = reservablePlaces({
        freeNow: c.free_now,
        reservedSince: c.held_since_report,
        contractedSince: c.contracted_since_report,
        isOpenForIntake: c.status === 'aktiv',
      });
      const expectedByStart = c.status === 'aktiv' ? c.expected_by_start : 0;
      const ageDays = c.confirmed_at ? ageInDays(c.confirmed_at, today) : null;
      return {
        ...c,
        name: c.offering_name,
        freeNow,
        expectedByStart,
        freePlaces: freeNow + expectedByStart,
        isPublic: isPublicOperatorType(c.operator_type),
        ageDays,
        isStale: ageDays === null || (staleAfter !== null && isStale(ageDays, staleAfter)),
      };
    })
    .filter((r) => !q.onlyFree || r.freePlaces > 0);
  const ordered = orderResults(rows, isPublicFirst);
  const tariffs = await publishedTariffs(
    ctx.db,
    ordered.rows.map((r) => r.offering_id),
    Number(startDate.slice(0, 4)),
  );
  const outcomes = await outcomesOfOfferings(
    ctx.db,
    ordered.rows.map((r) => r.offering_id),
    ctx.clock.today(),
  );
  const searchId = await ctx.db.transaction().execute((trx) =>
    searchRepo.insertSearch(trx, {
      organisationId: actor.organisationId,
      username: actor.username,
      madeAt: now,
      criteria,
      isPublicFirst,
      publicWithPlaceCount: ordered.putFirstCount,
      results: ordered.rows.map((r) => ({ offeringId: r.offering_id, freePlaces: r.freePlaces, isPublic: r.isPublic, reportConfirmedAt: r.confirmed_at })),
    }),
  );
  return {
    choices,
    criteria,
    result: {
      searchId,
      isPublicFirst,
      putFirstCount: ordered.putFirstCount,
      rows: ordered.rows.map((r) => ({ ...r, tariff: tariffs.get(r.offering_id) ?? null, outcome: outcomes.get(r.offering_id) })),
    },
  };
}
export type SearchView = Awaited<ReturnType<typeof searchPlaces>>;
