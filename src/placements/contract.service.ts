/**
 * @module The standard contract: a draft made from a confirmed reservation on the template in force (inside or
 * outside the agreement, adults or children; the version is recorded), priced from the published tariff for the
 * start year (never typed in); its terms completed by the buyer (parties, add-ons, period, goals and follow-up,
 * payment; optimistic version check → 412); the public-first check recorded; sent by the buyer only when complete
 * (400 naming what is missing), accepted by the provider; notice by either party (the end date follows from the
 * notice rule); amendments as versions with an effective date. Status changes re-check the status inside the
 * transaction (409); every change is audited.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, forbidden, HttpError, type FieldErrors } from '../core/errors.js';
import { versionFrom } from '../core/version.js';
import { parseInput } from '../core/validation.js';
import { catalogueEntry } from '../offerings/offerings.public.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import * as repo from './contract.repository.js';
import {
  CONTRACT_FIELD_LABELS,
  contractState,
  effectiveEndDate,
  isAgreed,
  noticeDaysOf,
  noticeEndDate,
  termProblems,
  type AmendmentChanges,
  type Terms,
} from './contract.logic.js';
import { isPublicOperatorType, reservationState } from './logic.js';
import type { ReservationTarget } from './placements.policy.js';
import { publicFirstReasons, ruleOn } from './placements.repository.js';
import { ZAmendmentInput, ZContractTerms, ZNoticeInput, ZPublicFirstInput, type TAddOn } from './placements.schema.js';
import { checkPublicFirst } from './public-first.js';
import { loadReservation } from './reservation.service.js';

export const STALE_VERSION = 'Kontrakten er ændret af en anden, siden du hentede den. Genindlæs siden, og ret igen.';

/**
 * The published tariff a contract is priced from: the start year's, or, before that is published, the latest
 * year before it (the indexation rule then moves the price to the new year's tariff).
 */
async function tariffFor(ctx: Ctx, offeringId: number, year: number) {
  return (
    (await publishedTariffs(ctx.db, [offeringId], year)).get(offeringId) ?? (await publishedTariffs(ctx.db, [offeringId], year - 1)).get(offeringId) ?? null
  );
}

async function loadContract(ctx: Ctx, id: number): Promise<{ row: repo.ContractRow | null; target: ReservationTarget; areaIds: number[] }> {
  const row = id > 0 ? await repo.findContract(ctx.db, id) : null;
  if (!row) return { row: null, target: null, areaIds: [] };
  const areaIds = (await areaIdsOfMunicipalities(ctx.db, [row.municipality_code], ctx.clock.today())).get(row.municipality_code) ?? [];
  return { row, target: { buyerOrgId: row.buyer_org_id, operatorOrgId: row.operator_org_id, areaIds }, areaIds };
}

/** The dated rules a contract is read against on its start date: contract rule and notice periods of its area. */
async function rulesOf(ctx: Ctx, c: repo.ContractRow, areaIds: number[]) {
  const areaId = areaIds[0];
  if (areaId === undefined) return { rule: null, notice: null };
  const [rule, notice] = await Promise.all([
    repo.contractRuleOn(ctx.db, areaId, c.start_date),
    c.notice_rule_id ? repo.noticeRuleById(ctx.db, c.notice_rule_id) : repo.noticeRuleOn(ctx.db, areaId, c.offering_type, c.start_date),
  ]);
  return { rule, notice };
}

const termsOf = (c: repo.ContractRow, notice: { buyer_notice_days: number; provider_notice_days: number } | null): Terms => ({
  startDate: c.start_date,
  endDate: c.end_date,
  expectedDurationMonths: c.expected_duration_months,
  buyerDepartment: c.buyer_department,
  buyerEan: c.buyer_ean,
  providerEan: c.provider_ean,
  providerCvr: c.provider_cvr,
  buyerContactName: c.buyer_contact_name,
  providerContactName: c.provider_contact_name,
  tariffLevel: c.tariff_level,
  tariffPrice: c.tariff_price === null ? null : String(c.tariff_price),
  goals: c.goals,
  followUpDates: c.follow_up_dates,
  paymentTiming: c.payment_timing,
  paymentDays: c.payment_days,
  buyerNoticeDays: c.buyer_notice_days ?? notice?.buyer_notice_days ?? null,
  providerNoticeDays: c.provider_notice_days ?? notice?.provider_notice_days ?? null,
});

/** The access check of a write on its own (the API runs it before validating the body). */
export async function authorizeContract(ctx: Ctx, id: number, permission: 'placements.contract.edit' | 'placements.contract.notice'): Promise<void> {
  requireSignedIn(ctx, permission, (await loadContract(ctx, id)).target);
}

export async function getContract(ctx: Ctx, id: number) {
  const { row, target, areaIds } = await loadContract(ctx, id);
  requireSignedIn(ctx, 'placements.contract.read', target);
  const c = row!;
  const today = ctx.clock.today();
  const [{ rule, notice }, addOns, amendments] = await Promise.all([rulesOf(ctx, c, areaIds), repo.addonsOf(ctx.db, id), repo.amendmentsOf(ctx.db, id)]);
  const terms = termsOf(c, notice);
  const state = contractState({ status: c.status, startDate: c.start_date, endDate: c.current_end_date, noticeEndDate: c.notice_end_date }, today);
  const missing =
    c.status === 'kladde'
      ? termProblems(terms, { timeLimitedFrom: rule?.time_limited_from ?? null, firstFollowUpMonths: rule?.first_follow_up_months ?? 3 }, true)
      : {};
  const isBuyer = can(ctx, 'placements.contract.edit', target);
  const isProvider = can(ctx, 'placements.contract.accept', target);
  const canGiveNotice = c.status === 'accepteret' && state !== 'ophoert';
  return {
    ...c,
    state,
    terms,
    addOns,
    amendments,
    rule,
    notice,
    missing,
    effectiveEnd: effectiveEndDate(c.current_end_date, c.notice_end_date),
    canEdit: isBuyer && c.status === 'kladde',
    canSend: isBuyer && c.status === 'kladde',
    canAccept: isProvider && c.status === 'sendt',
    noticeParties: canGiveNotice ? [...(isBuyer ? (['koeber'] as const) : []), ...(isProvider ? (['leverandoer'] as const) : [])] : [],
    canAmend: isBuyer && isAgreed(state),
  };
}
export type ContractView = Awaited<ReturnType<typeof getContract>>;

/** The draft from a confirmed reservation (one contract per reservation). */
export async function createContractDraft(ctx: Ctx, reservationId: number) {
  const { row: r, target } = await loadReservation(ctx, reservationId);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  const state = reservationState(r!.status, r!.expires_at, ctx.clock.now(), r!.has_contract);
  if (state === 'udloebet' && r!.status === 'bekraeftet')
    throw conflict('Reservationen er udløbet, fordi kontrakten ikke blev oprettet i tide. Reservér pladsen igen.');
  if (state !== 'bekraeftet') throw conflict('Kun en bekræftet reservation kan blive til en kontrakt.');
  if (await repo.contractOfReservation(ctx.db, reservationId)) throw conflict('Reservationen har allerede en kontrakt.');
  const offering = (await catalogueEntry(ctx.db, r!.offering_id))!;
  const isInside = isPublicOperatorType(offering.operator_type) && offering.is_covered;
  const code = `${isInside ? 'inside' : 'outside'}_${offering.legal_basis_law === 'Barnets lov' ? 'child' : 'adult'}`;
  const template = await repo.templateOn(ctx.db, code, r!.start_date);
  if (!template) throw conflict('Der er ingen standardkontrakt i kraft på startdatoen. Sekretariatet skal oprette skabelonen.');
  const tariff = await tariffFor(ctx, r!.offering_id, Number(r!.start_date.slice(0, 4)));
  const level = tariff?.levels[0] ?? null;
  const areaId = target!.areaIds[0];
  const notice = areaId === undefined ? null : await repo.noticeRuleOn(ctx.db, areaId, offering.offering_type, r!.start_date);
  const operatorCvr = (await repo.findOrganisation(ctx.db, offering.operator_org_id))?.cvr ?? null;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertContract(trx, {
      reservation_id: reservationId,
      offering_id: r!.offering_id,
      buyer_org_id: r!.buyer_org_id,
      template_id: template.id,
      case_reference: r!.case_reference,
      start_date: r!.start_date,
      status: 'kladde',
      tariff_version_id: tariff?.versionId ?? null,
      tariff_level: level?.name ?? null,
      tariff_price: level?.tariff ?? tariff?.averageTariff ?? null,
      tariff_unit: tariff?.unit ?? null,
      search_id: r!.search_id,
      created_at: now,
      created_by: actor.username,
      indexation: isInside ? 'naeste_takst' : 'pl',
      provider_cvr: isPublicOperatorType(offering.operator_type) ? null : operatorCvr,
      buyer_notice_days: notice?.buyer_notice_days ?? null,
      provider_notice_days: notice?.provider_notice_days ?? null,
      notice_rule_id: notice?.id ?? null,
      payment_days: 30,
    });
    await audit(trx, ctx, {
      entity: 'contract',
      entityId: newId,
      action: 'create',
      after: {
        reservationId,
        templateCode: code,
        templateVersion: template.version,
        status: 'kladde',
        tariffPrice: level?.tariff ?? tariff?.averageTariff ?? null,
      },
    });
    return newId;
  });
  return getContract(ctx, id);
}

const addonRows = (addOns: readonly TAddOn[]) =>
  addOns.map((a) => ({ text: a.text, price: a.price, unit: a.unit, period_from: a.periodFrom, period_to: a.periodTo }));

function addonProblems(addOns: readonly TAddOn[], start: string, end: string | null, field = 'addOns'): FieldErrors {
  const out: FieldErrors = {};
  addOns.forEach((a, i) => {
    if (a.periodFrom < start) (out[`${field}.${i}.periodFrom`] ??= []).push('Særydelsen kan ikke begynde før kontraktens start.');
    if (end !== null && (a.periodTo ?? end) > end) (out[`${field}.${i}.periodTo`] ??= []).push('Særydelsen kan ikke løbe ud over kontraktens slutdato.');
  });
  return out;
}

/** The price of a level of the published tariff for a year; a missing level is a 400 on `field`. */
async function priceOf(ctx: Ctx, offeringId: number, year: number, level: string | null, field: string) {
  const tariff = await tariffFor(ctx, offeringId, year);
  if (level === null) return { level: null, price: tariff && tariff.levels.length === 0 ? tariff.averageTariff : null, tariff };
  const found = tariff?.levels.find((l) => l.name === level);
  if (!found)
    throw badRequest('Oplysningerne er ikke gyldige.', {
      [field]: [
        tariff
          ? `Vælg et af den offentliggjorte takst ${tariff.year}s niveauer: ${tariff.levels.map((l) => l.name).join(', ')}.`
          : `Tilbuddet har ingen offentliggjort takst for ${year}.`,
      ],
    });
  return { level: found.name, price: found.tariff, tariff };
}

/** Replaces a draft's terms (PUT): only while a draft, only on the version it was read at (else 412). */
export async function saveTerms(ctx: Ctx, id: number, data: unknown, ifMatch?: string) {
  const { row, target, areaIds } = await loadContract(ctx, id);
  requireSignedIn(ctx, 'placements.contract.edit', target);
  const c = row!;
  const input = parseInput(ZContractTerms, data);
  const version = versionFrom(ifMatch, input.version);
  if (version === undefined)
    throw badRequest('Oplysningerne er ikke gyldige.', { version: ['Angiv den version, ændringen bygger på (If-Match eller version).'] });
  if (c.status !== 'kladde') throw conflict('Kontrakten er sendt; vilkårene kan kun ændres med et tillæg.');
  if (version !== c.version) throw new HttpError(412, STALE_VERSION);
  const errors: FieldErrors = {};
  if (input.payingOrganisationId !== null) {
    const payer = await repo.findOrganisation(ctx.db, input.payingOrganisationId);
    if (payer?.kind !== 'municipality' || payer.id === c.buyer_org_id)
      errors.payingOrganisationId = ['Betalingskommunen skal være en anden kommune end handlekommunen (eller tom, når de er den samme).'];
  }
  const { rule, notice } = await rulesOf(ctx, { ...c, notice_rule_id: null }, areaIds);
  const priced = await priceOf(ctx, c.offering_id, Number(c.start_date.slice(0, 4)), input.tariffLevel, 'tariffLevel');
  const terms: Terms = {
    ...termsOf(c, notice),
    endDate: input.endDate,
    expectedDurationMonths: input.expectedDurationMonths,
    followUpDates: input.followUpDates,
    paymentDays: input.paymentDays,
  };
  Object.assign(
    errors,
    termProblems(terms, { timeLimitedFrom: rule?.time_limited_from ?? null, firstFollowUpMonths: rule?.first_follow_up_months ?? 3 }, false),
    addonProblems(input.addOns, c.start_date, input.endDate),
  );
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  const values = {
    buyer_department: input.buyerDepartment,
    buyer_ean: input.buyerEan,
    paying_org_id: input.payingOrganisationId,
    paying_department: input.payingOrganisationId === null ? null : input.payingDepartment,
    paying_ean: input.payingOrganisationId === null ? null : input.payingEan,
    provider_ean: input.providerEan,
    provider_cvr: input.providerCvr,
    buyer_contact_name: input.buyerContact.name,
    buyer_contact_phone: input.buyerContact.phone,
    buyer_contact_email: input.buyerContact.email,
    provider_contact_name: input.providerContact.name,
    provider_contact_phone: input.providerContact.phone,
    provider_contact_email: input.providerContact.email,
    tariff_version_id: priced.tariff?.versionId ?? null,
    tariff_level: priced.level,
    tariff_price: priced.price,
    tariff_unit: priced.tariff?.unit ?? null,
    end_date: input.endDate,
    current_end_date: input.endDate,
    expected_duration_months: input.expectedDurationMonths,
    goals: input.goals,
    follow_up_dates: JSON.stringify(input.followUpDates),
    payment_timing: input.paymentTiming,
    payment_days: input.paymentDays,
    buyer_notice_days: notice?.buyer_notice_days ?? null,
    provider_notice_days: notice?.provider_notice_days ?? null,
    notice_rule_id: notice?.id ?? null,
  };
  const before = { ...termsOf(c, null), addOns: (await repo.addonsOf(ctx.db, id)).map((a) => ({ ...a, price: String(a.price) })) };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTerms(trx, id, version, values))) {
      const now = await repo.lockContract(trx, id);
      if (now?.status !== 'kladde') throw conflict('Kontrakten er sendt; vilkårene kan kun ændres med et tillæg.');
      throw new HttpError(412, STALE_VERSION);
    }
    await repo.replaceAddons(trx, id, addonRows(input.addOns));
    await audit(trx, ctx, { entity: 'contract', entityId: id, action: 'update', before, after: { ...terms, ...input, version: undefined } });
  });
  return getContract(ctx, id);
}

/** Records the public-first check on a draft: the search it points to, and a reason with a text when needed. */
export async function recordPublicFirst(ctx: Ctx, id: number, data: unknown) {
  const { row, target } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  const input = parseInput(ZPublicFirstInput, data);
  if (input.reasonCode && !(await publicFirstReasons(ctx.db, ctx.clock.today())).some((x) => x.code === input.reasonCode))
    throw badRequest('Oplysningerne er ikke gyldige.', { reasonCode: ['Ukendt begrundelse. Vælg en fra listen.'] });
  const search = input.searchId ? await repo.searchOf(ctx.db, input.searchId) : null;
  if (input.searchId && search?.organisation_id !== actor.organisationId)
    throw badRequest('Oplysningerne er ikke gyldige.', { searchId: ['Søgningen findes ikke i din kommune.'] });
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.setPublicFirst(trx, id, { searchId: input.searchId ?? null, reason: input.reasonCode ?? null, text: input.reasonText ?? null });
    if (!done) throw conflict('Kontrakten er allerede sendt; tjekket kan ikke ændres.');
    await audit(trx, ctx, {
      entity: 'contract',
      entityId: id,
      action: 'update',
      before: { searchId: row!.search_id, publicFirstReason: row!.public_first_reason, publicFirstText: row!.public_first_text },
      after: { searchId: input.searchId ?? null, publicFirstReason: input.reasonCode ?? null, publicFirstText: input.reasonText ?? null },
    });
  });
  return getContract(ctx, id);
}

/** Sends the draft to the provider; refused (400) naming every missing term and the missing public-first check. */
export async function sendContract(ctx: Ctx, id: number) {
  const { row: c, target, areaIds } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  if (c!.status !== 'kladde') throw conflict('Kontrakten er allerede sendt.');
  const { rule: contractRule, notice } = await rulesOf(ctx, c!, areaIds);
  const errors = termProblems(
    termsOf(c!, notice),
    { timeLimitedFrom: contractRule?.time_limited_from ?? null, firstFollowUpMonths: contractRule?.first_follow_up_months ?? 3 },
    true,
  );
  const rule = areaIds[0] !== undefined ? await ruleOn(ctx.db, areaIds[0], c!.start_date) : null;
  const search = c!.search_id ? await repo.searchOf(ctx.db, c!.search_id) : null;
  const verdict = checkPublicFirst({
    operatorType: c!.operator_type,
    rule: rule ? { isPublicFirst: rule.is_public_first, searchDays: rule.public_first_search_days } : null,
    buyerOrgId: c!.buyer_org_id,
    search: search ? { organisationId: search.organisation_id, madeAt: search.made_at, publicWithPlaceCount: search.public_with_place_count } : null,
    reasonCode: c!.public_first_reason,
    reasonText: c!.public_first_text,
    reasonCodes: (await publicFirstReasons(ctx.db, ctx.clock.today())).map((x) => x.code),
    now: ctx.clock.now(),
  });
  if (!verdict.ok) errors.publicFirstCheck = [verdict.message];
  if (Object.keys(errors).length)
    throw badRequest(
      `Kontrakten kan ikke sendes endnu. Der mangler: ${Object.keys(errors)
        .map((f) => (CONTRACT_FIELD_LABELS[f] ?? f).toLowerCase())
        .join(', ')}.`,
      errors,
    );
  return changeStatus(ctx, id, 'kladde', 'sendt', actor.username, 'Kontrakten er allerede sendt.');
}

/** The provider accepts a sent contract. */
export async function acceptContract(ctx: Ctx, id: number) {
  const { target } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.accept', target);
  return changeStatus(ctx, id, 'sendt', 'accepteret', actor.username, 'Kontrakten er ikke sendt til accept (den er en kladde eller allerede accepteret).');
}

async function changeStatus(ctx: Ctx, id: number, from: 'kladde' | 'sendt', to: 'sendt' | 'accepteret', by: string, refused: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.setContractStatus(trx, id, from, to, ctx.clock.now(), by))) throw conflict(refused);
    await audit(trx, ctx, { entity: 'contract', entityId: id, action: 'update', before: { status: from }, after: { status: to } });
  });
  return getContract(ctx, id);
}

/** What a notice will do, checked before it is written: who gives it, from which date, and the end date it gives. */
export type NoticePlan = { id: number; party: 'koeber' | 'leverandoer'; givenOn: string; days: number; endDate: string; by: string; today: string };

/**
 * Checks a notice on an accepted contract (the party's own role; not back-dated; not after the contract has ended;
 * a notice rule exists) and works out its end date from that party's notice period. Writes nothing.
 */
export async function planNotice(ctx: Ctx, id: number, data: unknown): Promise<NoticePlan> {
  const { row, target, areaIds } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.notice', target);
  const input = parseInput(ZNoticeInput, data);
  if (!can(ctx, input.party === 'koeber' ? 'placements.contract.edit' : 'placements.contract.accept', target))
    throw forbidden('Du kan kun opsige kontrakten på vegne af din egen part.');
  const c = row!;
  const today = ctx.clock.today();
  const state = contractState({ status: c.status, startDate: c.start_date, endDate: c.current_end_date, noticeEndDate: c.notice_end_date }, today);
  if (c.status !== 'accepteret' || state === 'ophoert') throw conflict('Kun en accepteret kontrakt, der ikke er opsagt eller ophørt, kan opsiges.');
  if (input.date < today) throw badRequest('Oplysningerne er ikke gyldige.', { date: ['Opsigelsen kan ikke gives med tilbagevirkende kraft.'] });
  if (c.current_end_date !== null && input.date > c.current_end_date)
    throw badRequest('Oplysningerne er ikke gyldige.', { date: ['Kontrakten er allerede ophørt på den dato.'] });
  const { notice } = await rulesOf(ctx, c, areaIds);
  const terms = termsOf(c, notice);
  if (terms.buyerNoticeDays === null || terms.providerNoticeDays === null) throw conflict('Der er ingen regel for opsigelsesvarsler. Kontakt sekretariatet.');
  const days = noticeDaysOf(input.party, { buyer: terms.buyerNoticeDays, provider: terms.providerNoticeDays });
  const endDate = noticeEndDate({ givenOn: input.date, noticeDays: days, endDate: c.current_end_date });
  return { id, party: input.party, givenOn: input.date, days, endDate, by: actor.username, today };
}

/** Writes a planned notice in the caller's transaction, re-checking that no one gave notice meanwhile (409), and audits it. */
export async function writeNotice(trx: Queryable, ctx: Ctx, plan: NoticePlan): Promise<void> {
  const done = await repo.setNotice(trx, plan.id, {
    party: plan.party,
    givenOn: plan.givenOn,
    endDate: plan.endDate,
    at: ctx.clock.now(),
    by: plan.by,
    notEndedBefore: plan.today,
  });
  if (!done) throw conflict('Kontrakten er allerede opsagt eller ændret af en anden. Genindlæs siden.');
  await audit(trx, ctx, {
    entity: 'contract',
    entityId: plan.id,
    action: 'update',
    before: { status: 'accepteret' },
    after: { status: 'opsagt', noticeParty: plan.party, noticeGivenOn: plan.givenOn, noticeDays: plan.days, noticeEndDate: plan.endDate },
  });
}

/** One party gives notice on an accepted contract; the end date follows from that party's notice period. */
export async function giveNotice(ctx: Ctx, id: number, data: unknown) {
  const plan = await planNotice(ctx, id, data);
  await ctx.db.transaction().execute((trx) => writeNotice(trx, ctx, plan));
  return getContract(ctx, id);
}

/** An amendment (tillæg): a new version of some terms from its effective date; the earlier terms stay as they were. */
export async function addAmendment(ctx: Ctx, id: number, data: unknown) {
  const { row, target } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  const input = parseInput(ZAmendmentInput, data);
  const c = row!;
  const today = ctx.clock.today();
  const state = contractState({ status: c.status, startDate: c.start_date, endDate: c.current_end_date, noticeEndDate: c.notice_end_date }, today);
  if (!isAgreed(state)) throw conflict('Tillæg kan kun gives til en accepteret kontrakt, der ikke er ophørt.');
  const errors: FieldErrors = {};
  const end = effectiveEndDate(c.current_end_date, c.notice_end_date);
  if (input.effectiveDate < c.start_date) errors.effectiveDate = ['Tillægget kan ikke gælde fra før kontraktens start.'];
  else if (end !== null && input.effectiveDate > end) errors.effectiveDate = ['Tillægget kan ikke gælde fra efter kontraktens slutdato.'];
  const previous = (await repo.amendmentsOf(ctx.db, id)).at(-1);
  if (previous && input.effectiveDate < previous.effective_date)
    errors.effectiveDate = [`Tillægget kan ikke gælde fra før det seneste tillæg (${previous.effective_date}).`];
  if (input.endDate !== null && input.endDate < input.effectiveDate) errors.endDate = ['Den nye slutdato kan ikke ligge før tillæggets ikrafttrædelse.'];
  if (input.addOns) Object.assign(errors, addonProblems(input.addOns, input.effectiveDate, input.endDate ?? c.current_end_date));
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  const changes: AmendmentChanges = {};
  if (input.endDate !== null) changes.endDate = input.endDate;
  if (input.expectedDurationMonths !== null) changes.expectedDurationMonths = input.expectedDurationMonths;
  if (input.tariffLevel !== null) {
    const priced = await priceOf(ctx, c.offering_id, Number(input.effectiveDate.slice(0, 4)), input.tariffLevel, 'tariffLevel');
    changes.tariffLevel = priced.level!;
    changes.tariffPrice = priced.price!;
  }
  if (input.goals !== null) changes.goals = input.goals;
  if (input.followUpDates) changes.followUpDates = input.followUpDates;
  if (input.addOns) changes.addOns = input.addOns;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockContract(trx, id);
    const now =
      locked &&
      contractState({ status: locked.status, startDate: locked.start_date, endDate: locked.current_end_date, noticeEndDate: locked.notice_end_date }, today);
    if (!now || !isAgreed(now)) throw conflict('Kontrakten er ændret af en anden (den er ikke længere accepteret). Genindlæs siden.');
    const number = await repo.insertAmendment(trx, {
      contractId: id,
      effectiveDate: input.effectiveDate,
      description: input.description,
      changes,
      at: ctx.clock.now(),
      by: actor.username,
    });
    if (changes.endDate) await repo.setCurrentEndDate(trx, id, changes.endDate);
    else await repo.bumpVersion(trx, id);
    await audit(trx, ctx, {
      entity: 'contract',
      entityId: id,
      action: 'update',
      before: { currentEndDate: c.current_end_date },
      after: { amendmentNumber: number, effectiveDate: input.effectiveDate, description: input.description, ...changes },
    });
  });
  return getContract(ctx, id);
}
