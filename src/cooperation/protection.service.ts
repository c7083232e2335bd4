/**
 * @module Use cases of the protected offerings' watch: the list of protected offerings per area with the triggers
 * that fire today, one offering's watch page (occupancy on the 1st of each of the last 12 months from the running
 * contracts, the operator's waiting count, the tariffs with the result carried into them, the seller's notices, the
 * dialogue cases), the area's dated trigger rules (kept by its secretariat, versioned, audited) and the seller's
 * notices the secretariat records. Opening, steps, answers and closing of a dialogue case are in dialogue.service.ts.
 */
import { Decimal } from 'decimal.js';
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { INVALID, requireVersionFrom, stale } from '../core/version.js';
import { contractsForCapacity, offeringsForCapacity } from '../placements/placements.public.js';
import { areaIdsOfMunicipalities, municipalityCodesOfArea } from '../reference/reference.public.js';
import { tariffRegulations } from '../tariffs/tariffs.public.js';
import { evaluateTriggers, lastMonths, monthlyOccupancy, type Firing, type TriggerRule } from './protection.logic.js';
import { PROTECTION } from './protection.policy.js';
import * as repo from './protection.repository.js';
import { ZAreaQuery, ZNoticeInput, ZTriggerInput } from './protection.schema.js';

export type { TriggerRow } from './protection.repository.js';

const MONTHS = 12;

export async function areaOf(ctx: Ctx, code: string | undefined, field = 'area') {
  if (!code) return undefined;
  const area = await repo.areaByCode(ctx.db, code);
  if (!area) throw badRequest(INVALID, { [field]: ['Rammeaftaleområdet findes ikke.'] });
  return area;
}

export const toRule = (t: repo.TriggerRow): TriggerRule => ({
  id: t.id,
  kind: t.kind,
  sharePct: t.share_pct === null ? null : String(t.share_pct),
  months: t.months,
  amount: t.amount === null ? null : String(t.amount),
});

/** Everything the watch shows and the triggers read, for several offerings at once (one query per source). */
export async function watchFacts(ctx: Ctx, db: Queryable, offerings: readonly repo.ProtectedRow[]) {
  const today = ctx.clock.today();
  const dates = lastMonths(today, MONTHS);
  const codes = [...new Set(offerings.map((o) => o.municipality_code))];
  const ids = offerings.map((o) => o.id);
  const [contracts, capacity, regulations, notices, areaMap] = await Promise.all([
    contractsForCapacity(db, { from: dates[0]!, to: today }, { offeringCodes: codes, buyerCodes: [] }),
    offeringsForCapacity(db, codes),
    tariffRegulations(db, ids, Number(today.slice(0, 4)) - 2),
    repo.notices(db, ids),
    areaIdsOfMunicipalities(db, codes, today),
  ]);
  const areaIds = [...new Set([...areaMap.values()].flat())];
  const rules = await repo.triggersOn(db, areaIds, today);
  return offerings.map((o) => {
    const areaId = areaMap.get(o.municipality_code)?.[0] ?? null;
    const own = contracts.filter((c) => c.offeringId === o.id);
    const occupancy = monthlyOccupancy(o.places, own, dates);
    const regs = regulations.filter((r) => r.offeringId === o.id);
    const deficits = regs
      .filter((r) => r.status === 'offentliggjort' && r.result !== null)
      .map((r) => ({ tariffYear: r.tariffYear, accountsYear: r.accountsYear, deficit: Decimal.max(0, new Decimal(r.result!).neg()).toFixed(2) }));
    const ownNotices = notices.filter((n) => n.offering_id === o.id);
    const areaRules = rules.filter((r) => r.area_id === areaId);
    const firing: Firing[] = evaluateTriggers(areaRules.map(toRule), {
      today,
      occupancy: occupancy.map((m) => ({ date: m.date, pct: m.pct })),
      deficits,
      notices: ownNotices.map((n) => ({ id: n.id, kind: n.kind, givenOn: n.given_on, effectiveOn: n.effective_on, placesAfter: n.places_after })),
    });
    const cap = capacity.find((c) => c.offeringId === o.id);
    return { offering: o, areaId, occupancy, contracts: own, regulations: regs, notices: ownNotices, rules: areaRules, firing, vacancy: cap ?? null };
  });
}
export type WatchFacts = Awaited<ReturnType<typeof watchFacts>>[number];

/** The protected offerings of an area (none given: every area) with today's occupancy, waiting and firing triggers. */
export async function listProtected(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'protection.read', PROTECTION);
  const q = parseInput(ZAreaQuery, query ?? {});
  const area = await areaOf(ctx, q.area);
  const areas = await repo.areas(ctx.db);
  const today = ctx.clock.today();
  const codes = (await Promise.all((area ? [area] : areas).map((a) => municipalityCodesOfArea(ctx.db, { id: a.id }, today)))).flat();
  const offerings = await repo.protectedOfferings(ctx.db, codes);
  const facts = await watchFacts(ctx, ctx.db, offerings);
  const open = await repo.cases(ctx.db, { offeringIds: offerings.map((o) => o.id), status: 'aaben' });
  return {
    area,
    areas,
    canEditRules: ctx.actor ? areas.some((a) => can(ctx, 'protection.edit', { areaId: a.id, areaName: a.name })) : false,
    offerings: facts.map((f) => ({
      ...f,
      area: areas.find((a) => a.id === f.areaId) ?? null,
      openCases: open.filter((c) => c.offering_id === f.offering.id).length,
    })),
  };
}
export type ProtectedListed = Awaited<ReturnType<typeof listProtected>>['offerings'][number];

export const presentProtected = (f: ProtectedListed) => ({
  id: f.offering.id,
  name: f.offering.name,
  protection: f.offering.protection,
  areaCode: f.area?.code ?? '',
  operator: f.offering.operator_name,
  municipality: f.offering.municipality_name,
  places: f.offering.places,
  occupancyPct: f.occupancy[f.occupancy.length - 1]?.pct ?? null,
  waitingCount: f.vacancy?.waitingCount ?? null,
  firing: f.firing.map((x) => ({ triggerId: x.ruleId, kind: x.kind, reason: x.reason })),
  openCases: f.openCases,
});

async function loadProtected(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'protection.read', PROTECTION);
  const o = id > 0 ? await repo.protectedOffering(ctx.db, id) : null;
  if (!o) throw notFound('Tilbuddet findes ikke eller er ikke et beskyttet tilbud.');
  const [f] = await watchFacts(ctx, ctx.db, [o]);
  const area = f!.areaId !== null ? await repo.areaById(ctx.db, f!.areaId) : null;
  return { ...f!, area };
}

/** One protected offering's watch page; `month` (YYYY-MM-01 of the last 12 months) lists the contracts behind its figure. */
export async function watchPage(ctx: Ctx, id: number, month?: string) {
  const f = await loadProtected(ctx, id);
  const cases = await repo.cases(ctx.db, { offeringIds: [id] });
  const shown = f.occupancy.find((m) => m.date === month) ?? null;
  const rows = shown ? f.contracts.filter((c) => c.startDate <= shown.date && (c.endDate === null || c.endDate >= shown.date)) : [];
  const canEdit = !!f.area && can(ctx, 'protection.edit', { areaId: f.area.id, areaName: f.area.name });
  const openTriggerIds = new Set(cases.filter((c) => c.status === 'aaben').map((c) => c.trigger_id));
  return { ...f, cases, month: shown, monthRows: rows, canEdit, openTriggerIds: [...openTriggerIds], today: ctx.clock.today() };
}
export type WatchView = Awaited<ReturnType<typeof watchPage>>;

// Rules ------------------------------------------------------------------------------------------------------

/** The area's trigger rules (all periods) and its procedure in force; no area given: the actor's first area. */
export async function rulesPage(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'protection.read', PROTECTION);
  const q = parseInput(ZAreaQuery, query ?? {});
  const areas = await repo.areas(ctx.db);
  const area = (await areaOf(ctx, q.area)) ?? areas.find((a) => ctx.actor?.areaIds.includes(a.id)) ?? areas[0]!;
  const [rules, procedure] = await Promise.all([repo.triggersOfArea(ctx.db, area.id), repo.procedureOn(ctx.db, area.id, ctx.clock.today())]);
  return { area, areas, rules, procedure, canEdit: can(ctx, 'protection.edit', { areaId: area.id, areaName: area.name }), today: ctx.clock.today() };
}

/** The access check of a new rule, from the raw request's area (none or unknown: the actor's own area). */
export async function authorizeTrigger(ctx: Ctx, raw: unknown): Promise<void> {
  const b = (raw ?? {}) as Record<string, unknown>;
  const area = typeof b.areaCode === 'string' && b.areaCode ? await repo.areaByCode(ctx.db, b.areaCode) : null;
  const areaId = area?.id ?? ctx.actor?.areaIds[0] ?? 0;
  requireSignedIn(ctx, 'protection.edit', { areaId, areaName: area?.name ?? 'området' });
}

function ruleValues(input: ReturnType<typeof ZTriggerInput.parse>) {
  const errors: Record<string, string[]> = {};
  if (input.kind === 'belaegning') {
    if (input.sharePct === undefined) errors.sharePct = ['Angiv den andel, belægningen skal ligge under.'];
    if (input.months === undefined) errors.months = ['Angiv antal måneder i træk.'];
  }
  if (input.kind === 'underskud' && input.amount === undefined) errors.amount = ['Angiv det beløb, underskuddet skal overstige.'];
  if (input.validTo !== undefined && input.validTo < input.validFrom) errors.validTo = ['Slutdatoen kan ikke ligge før startdatoen.'];
  if (Object.keys(errors).length) throw badRequest(INVALID, errors);
  return {
    kind: input.kind,
    share_pct: input.kind === 'belaegning' ? input.sharePct! : null,
    months: input.kind === 'belaegning' ? input.months! : null,
    amount: input.kind === 'underskud' ? input.amount! : null,
    deadline_days: input.deadlineDays,
    note: input.note,
    valid_from: input.validFrom,
    valid_to: input.validTo ?? null,
  };
}

const auditRule = (r: ReturnType<typeof ruleValues>, areaCode: string) => ({
  areaCode,
  kind: r.kind,
  sharePct: r.share_pct,
  months: r.months,
  amount: r.amount,
  deadlineDays: r.deadline_days,
  note: r.note,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

/** Adds a dated trigger rule to an area (its secretariat). */
export async function createTrigger(ctx: Ctx, data: unknown): Promise<number> {
  await authorizeTrigger(ctx, data);
  const input = parseInput(ZTriggerInput, data);
  const area = (await areaOf(ctx, input.areaCode, 'areaCode'))!;
  requireSignedIn(ctx, 'protection.edit', { areaId: area.id, areaName: area.name });
  const values = ruleValues(input);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertTrigger(trx, { ...values, area_id: area.id, created_by: ctx.actor!.username });
    await audit(trx, ctx, { entity: 'coop_protection_trigger', entityId: id, action: 'create', after: auditRule(values, area.code) });
    return id;
  });
}

async function loadTrigger(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'protection.read', PROTECTION);
  const t = id > 0 ? await repo.findTrigger(ctx.db, id) : null;
  if (!t) throw notFound('Udløseren findes ikke.');
  const area = (await repo.areaById(ctx.db, t.area_id))!;
  return { t, area };
}

/** The access check of changing a rule on its own. */
export async function authorizeTriggerChange(ctx: Ctx, id: number): Promise<void> {
  const { area } = await loadTrigger(ctx, id);
  requireSignedIn(ctx, 'protection.edit', { areaId: area.id, areaName: area.name });
}

/** Changes a rule on the version read (412 when stale); the area stays. */
export async function updateTrigger(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  const { t, area } = await loadTrigger(ctx, id);
  requireSignedIn(ctx, 'protection.edit', { areaId: area.id, areaName: area.name });
  const input = parseInput(ZTriggerInput, { ...(data as object), areaCode: area.code });
  const version = requireVersionFrom(ifMatch, input.version);
  const values = ruleValues(input);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateTrigger(trx, id, version, values);
    if (!updated) throw stale();
    const before = {
      kind: t.kind,
      share_pct: t.share_pct === null ? null : String(t.share_pct),
      months: t.months,
      amount: t.amount === null ? null : String(t.amount),
      deadline_days: t.deadline_days,
      note: t.note,
      valid_from: t.valid_from,
      valid_to: t.valid_to,
    };
    await audit(trx, ctx, {
      entity: 'coop_protection_trigger',
      entityId: id,
      action: 'update',
      before: auditRule(before, area.code),
      after: auditRule(values, area.code),
    });
    return updated.version;
  });
}

// Notices ----------------------------------------------------------------------------------------------------

/** The access check of recording a notice on the offering (its area's secretariat). */
export async function authorizeNotice(ctx: Ctx, offeringId: number) {
  const f = await loadProtected(ctx, offeringId);
  requireSignedIn(ctx, 'protection.edit', { areaId: f.area?.id ?? 0, areaName: f.area?.name ?? 'området' });
  return f;
}

/** Records the seller's notice to close or cut places (given on a date not in the future, effective from then on). */
export async function recordNotice(ctx: Ctx, offeringId: number, data: unknown): Promise<number> {
  const f = await authorizeNotice(ctx, offeringId);
  const input = parseInput(ZNoticeInput, data);
  const errors: Record<string, string[]> = {};
  if (input.givenOn > ctx.clock.today()) errors.givenOn = ['Datoen kan ikke ligge i fremtiden.'];
  if (input.effectiveOn < input.givenOn) errors.effectiveOn = ['Varslet kan ikke gælde fra før, det er givet.'];
  if (input.kind === 'faerre_pladser' && (input.placesAfter === undefined || input.placesAfter >= f.offering.places))
    errors.placesAfter = [`Angiv antal pladser efter ændringen (færre end de ${f.offering.places} pladser i dag).`];
  if (Object.keys(errors).length) throw badRequest(INVALID, errors);
  const row = {
    offering_id: offeringId,
    kind: input.kind,
    places_after: input.kind === 'faerre_pladser' ? input.placesAfter! : null,
    given_on: input.givenOn,
    effective_on: input.effectiveOn,
    text: input.text,
    recorded_by: ctx.actor!.username,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertNotice(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_protection_notice',
      entityId: id,
      action: 'create',
      after: { offeringId, kind: row.kind, placesAfter: row.places_after, givenOn: row.given_on, effectiveOn: row.effective_on, text: row.text },
    });
    return id;
  });
}

/** A rule's edit form (the area's secretariat). */
export async function triggerForm(ctx: Ctx, id: number) {
  const { t, area } = await loadTrigger(ctx, id);
  requireSignedIn(ctx, 'protection.edit', { areaId: area.id, areaName: area.name });
  return { rule: t, area };
}
