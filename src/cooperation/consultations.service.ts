/**
 * @module Use cases of the joint consultations: the list (API and page), one case with who answered what, opening a
 * case (closure or re-labelling of a residential offering by its operating municipality, where the area's dated rule
 * requires it; or an inquiry before a single-person offering), each member municipality's versioned answer (only
 * for itself, while the case is open), and the opener's closing with the outcome and the local decision. The status
 * is re-checked on the locked row inside each transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx, DueGroup } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { INVALID, requireVersionFrom, stale } from '../core/version.js';
import { CONSULTATIONS } from './consultations.policy.js';
import * as repo from './consultations.repository.js';
import { ZConsultationAnswerInput, ZConsultationClose, ZConsultationInput, ZConsultationsQuery } from './consultations.schema.js';
import { answersFor, CONSULTATION_ANSWER_LABELS, CONSULTATION_KIND_LABELS, type ConsultationKind, isAboutNewOffering } from './consultations.table.js';

const CLOSED = 'Drøftelsen er afsluttet; svarene kan ikke længere ændres.';

async function areaOf(ctx: Ctx, code: string | undefined, field = 'area') {
  if (!code) return undefined;
  const area = await repo.areaByCode(ctx.db, code);
  if (!area) throw badRequest(INVALID, { [field]: ['Rammeaftaleområdet findes ikke.'] });
  return area;
}

/** The list with the page's filters: `GET /api/consultations` and `/samarbejde/droeftelser`. */
export async function listConsultations(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'consultations.read', CONSULTATIONS);
  const q = parseInput(ZConsultationsQuery, query ?? {});
  const area = await areaOf(ctx, q.area);
  const rows = await repo.list(ctx.db, { areaId: area?.id, year: q.year, status: q.status, kind: q.kind, proposalType: q.proposalType });
  const members = await repo.memberMunicipalities(ctx.db, [...new Set(rows.map((r) => r.area_id))], ctx.clock.today());
  return {
    query: q,
    area,
    consultations: rows.map((r) => ({ ...r, members: members.filter((m) => m.area_id === r.area_id && m.id !== r.opener_org_id).length })),
  };
}
type Listed = Awaited<ReturnType<typeof listConsultations>>['consultations'][number];

export const presentSummary = (c: Listed) => ({
  id: c.id,
  areaCode: c.area_code,
  areaName: c.area_name,
  kind: c.kind,
  proposalType: c.proposal_type,
  title: c.title,
  offering: c.offering_id !== null ? { id: c.offering_id, name: c.offering_name ?? '' } : null,
  opener: { id: c.opener_org_id, name: c.opener_name },
  deadline: c.deadline,
  status: c.status,
  createdOn: c.created_on,
  answered: c.answered,
  members: c.members,
});

/** The list page: the list, the areas to filter by, and whether the actor may open a case. */
export async function consultationsPage(ctx: Ctx, query: unknown) {
  const list = await listConsultations(ctx, query);
  const areaIds = ctx.actor?.areaIds ?? [];
  return { ...list, areas: await repo.areas(ctx.db), canCreate: areaIds.some((areaId) => can(ctx, 'consultations.open', { areaId, operatorOrgId: null })) };
}

async function load(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'consultations.read', CONSULTATIONS);
  const c = id > 0 ? await repo.find(ctx.db, id) : null;
  if (!c) throw notFound('Drøftelsen findes ikke.');
  return c;
}

/** One case with every member municipality's answer (or none yet) and what the actor may do. */
export async function getConsultation(ctx: Ctx, id: number) {
  const c = await load(ctx, id);
  const [members, answers] = await Promise.all([repo.memberMunicipalities(ctx.db, [c.area_id], ctx.clock.today()), repo.answers(ctx.db, id)]);
  const rows = members
    .filter((m) => m.id !== c.opener_org_id)
    .map((m) => {
      const a = answers.find((x) => x.organisation_id === m.id);
      return { organisationId: m.id, organisationName: m.name, answer: a?.answer ?? null, note: a?.note ?? null, version: a?.version ?? 0 };
    });
  const own = rows.find((r) => r.organisationId === ctx.actor?.organisationId);
  return {
    consultation: { ...c, members: rows.length },
    today: ctx.clock.today(),
    answers: rows,
    choices: answersFor(c.kind).map((value) => ({ value, label: CONSULTATION_ANSWER_LABELS[value] })),
    canClose: c.status === 'aaben' && can(ctx, 'consultations.close', { openerOrgId: c.opener_org_id, openerName: c.opener_name }),
    ownAnswer:
      own &&
      c.status === 'aaben' &&
      can(ctx, 'consultations.answer', { organisationId: own.organisationId, organisationName: own.organisationName, isMember: true })
        ? own
        : null,
  };
}
export type ConsultationView = Awaited<ReturnType<typeof getConsultation>>;

export const presentConsultation = (v: ConsultationView) => ({
  ...presentSummary(v.consultation),
  description: v.consultation.description,
  outcome: v.consultation.outcome,
  decisionText: v.consultation.decision_text,
  decisionOn: v.consultation.decision_on,
  result: v.consultation.result,
  resultOffering:
    v.consultation.result_offering_id !== null ? { id: v.consultation.result_offering_id, name: v.consultation.result_offering_name ?? '' } : null,
  version: v.consultation.version,
  answers: v.answers,
});

/** The access check of opening a case, from the raw request (area code and offering). */
export async function authorizeCreate(ctx: Ctx, raw: unknown): Promise<void> {
  const b = (raw ?? {}) as Record<string, unknown>;
  const area = typeof b.areaCode === 'string' && b.areaCode ? await repo.areaByCode(ctx.db, b.areaCode) : null;
  const offeringId = Number(b.offeringId);
  const offering =
    b.kind !== 'enkeltmandstilbud' && b.kind !== 'samdrift' && Number.isInteger(offeringId) && offeringId > 0 && offeringId <= 2147483647
      ? await repo.offering(ctx.db, offeringId)
      : null;
  requireSignedIn(ctx, 'consultations.open', { areaId: area?.id ?? ctx.actor?.areaIds[0] ?? 0, operatorOrgId: offering?.operatorOrgId ?? null });
}

/** The create form: the actor's areas and the residential offerings its municipality operates. */
export async function consultationForm(ctx: Ctx) {
  await authorizeCreate(ctx, {});
  const areaIds = ctx.actor!.areaIds;
  const areas = (await repo.areas(ctx.db)).filter((a) => areaIds.includes(a.id));
  return { areas, offerings: await repo.operatedResidential(ctx.db, ctx.actor!.organisationId) };
}

/**
 * Opens a case. A closure or re-labelling concerns a residential offering the actor's municipality operates and
 * that the area's rule in force today requires a consultation for; an inquiry has no offering.
 */
export async function createConsultation(ctx: Ctx, data: unknown): Promise<number> {
  await authorizeCreate(ctx, data);
  const input = parseInput(ZConsultationInput, data);
  const area = (await areaOf(ctx, input.areaCode, 'areaCode'))!;
  const today = ctx.clock.today();
  if (input.deadline <= today) throw badRequest(INVALID, { deadline: ['Svarfristen skal ligge efter i dag.'] });
  let offeringId: number | null = null;
  if (input.kind === 'samdrift' && !input.proposalType)
    throw badRequest(INVALID, { proposalType: ['Vælg forslagets form: § 60-selskab, underskudsgaranti eller andet.'] });
  if (input.kind !== 'samdrift' && input.proposalType) throw badRequest(INVALID, { proposalType: ['Formen angives kun ved et forslag om fælles etablering.'] });
  if (isAboutNewOffering(input.kind)) {
    if (input.offeringId !== undefined)
      throw badRequest(INVALID, {
        offeringId: [`En sag af typen ${CONSULTATION_KIND_LABELS[input.kind].toLowerCase()} vedrører ikke et eksisterende tilbud.`],
      });
  } else {
    if (input.offeringId === undefined) throw badRequest(INVALID, { offeringId: ['Vælg det tilbud, drøftelsen handler om.'] });
    const o = await repo.offering(ctx.db, input.offeringId);
    if (!o) throw badRequest(INVALID, { offeringId: ['Tilbuddet findes ikke.'] });
    if (!o.isResidential) throw badRequest(INVALID, { offeringId: ['Kun bo- og døgntilbud drøftes før lukning eller omlægning.'] });
    const rule = await repo.ruleOn(ctx.db, area.id, today);
    if (!rule) throw badRequest(INVALID, { offeringId: [`${area.name} har ingen regel om fælles drøftelse af lukning og omlægning.`] });
    if (rule.covered_only && !o.isCovered)
      throw badRequest(INVALID, { offeringId: [`Tilbuddet er ikke omfattet af drøftelsespligten i ${area.name} (${rule.note}).`] });
    offeringId = o.id;
  }
  requireSignedIn(ctx, 'consultations.open', { areaId: area.id, operatorOrgId: offeringId === null ? null : ctx.actor!.organisationId });
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      area_id: area.id,
      kind: input.kind as ConsultationKind,
      proposal_type: input.kind === 'samdrift' ? (input.proposalType ?? null) : null,
      offering_id: offeringId,
      opener_org_id: ctx.actor!.organisationId,
      title: input.title,
      description: input.description,
      deadline: input.deadline,
      created_by: ctx.actor!.username,
    };
    const id = await repo.insert(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_consultation',
      entityId: id,
      action: 'create',
      after: {
        areaCode: area.code,
        kind: row.kind,
        proposalType: row.proposal_type,
        offeringId,
        openerOrgId: row.opener_org_id,
        title: row.title,
        description: row.description,
        deadline: row.deadline,
        status: 'aaben',
      },
    });
    return id;
  });
}

async function answerTarget(ctx: Ctx, id: number, organisationId: number) {
  const c = await load(ctx, id);
  const org = organisationId > 0 ? await repo.findOrganisation(ctx.db, organisationId) : null;
  if (!org) throw notFound('Kommunen findes ikke.');
  const members = await repo.memberMunicipalities(ctx.db, [c.area_id], ctx.clock.today());
  const isMember = members.some((m) => m.id === org.id) && org.id !== c.opener_org_id;
  return { c, org, target: { organisationId: org.id, organisationName: org.name, isMember } };
}

/** The access check of a municipality's answer on its own. */
export async function authorizeAnswer(ctx: Ctx, id: number, organisationId: number): Promise<void> {
  const { target } = await answerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'consultations.answer', target);
}

/** Saves a municipality's answer on the version read (0: the first answer) while the case is open; returns the new version. */
export async function saveAnswer(ctx: Ctx, id: number, organisationId: number, data: unknown, ifMatch?: string): Promise<number> {
  const { c, org, target } = await answerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'consultations.answer', target);
  const input = parseInput(ZConsultationAnswerInput, data);
  const version = requireVersionFrom(ifMatch, input.version);
  if (!answersFor(c.kind).includes(input.answer))
    throw badRequest(INVALID, { answer: [`Svaret passer ikke til en drøftelse af typen ${c.kind}: vælg et af de viste svar.`] });
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lock(trx, id);
    if (locked?.status !== 'aaben') throw conflict(CLOSED);
    const existing = (await repo.answers(trx, id)).find((a) => a.organisation_id === org.id);
    const row = { answer: input.answer, note: input.note, answered_by: ctx.actor!.username };
    let newVersion: number;
    let answerId: number;
    if (!existing) {
      if (version !== 0) throw stale();
      answerId = await repo.insertAnswer(trx, { consultation_id: id, organisation_id: org.id, ...row });
      newVersion = 1;
    } else {
      const updated = await repo.updateAnswer(trx, existing.id, version, row);
      if (!updated) throw stale();
      answerId = existing.id;
      newVersion = updated.version;
    }
    await audit(trx, ctx, {
      entity: 'coop_consultation_answer',
      entityId: answerId,
      action: existing ? 'update' : 'create',
      before: existing ? { consultationId: id, organisationId: org.id, answer: existing.answer, note: existing.note } : undefined,
      after: { consultationId: id, organisationId: org.id, answer: input.answer, note: input.note },
    });
    return newVersion;
  });
}

/**
 * The recorded result of closing an inquiry or a proposal: whether an offering was created, with the offering from
 * the register when it exists. A closure or re-labelling has none.
 */
async function resultOf(ctx: Ctx, kind: ConsultationKind, input: { result?: 'oprettet' | 'ikke_oprettet'; resultOfferingId?: number }) {
  if (!isAboutNewOffering(kind)) {
    if (input.result || input.resultOfferingId)
      throw badRequest(INVALID, { result: ['Et resultat om et oprettet tilbud registreres kun ved enkeltmandstilbud og fælles etablering.'] });
    return { result: null, result_offering_id: null };
  }
  if (!input.result) throw badRequest(INVALID, { result: ['Vælg, om et tilbud er oprettet.'] });
  if (input.result === 'ikke_oprettet') {
    if (input.resultOfferingId) throw badRequest(INVALID, { resultOfferingId: ['Vælg kun et tilbud, når tilbuddet er oprettet.'] });
    return { result: input.result, result_offering_id: null };
  }
  const offering = input.resultOfferingId ? await repo.offering(ctx.db, input.resultOfferingId) : null;
  if (input.resultOfferingId && !offering) throw badRequest(INVALID, { resultOfferingId: ['Tilbuddet findes ikke i tilbudsregistret.'] });
  return { result: input.result, result_offering_id: offering?.id ?? null };
}

/** The access check of closing a case on its own. */
export async function authorizeClose(ctx: Ctx, id: number): Promise<void> {
  const c = await load(ctx, id);
  requireSignedIn(ctx, 'consultations.close', { openerOrgId: c.opener_org_id, openerName: c.opener_name });
}

/** The close form: the case, and for an inquiry or a proposal the offerings created in the register since it was opened. */
export async function closeForm(ctx: Ctx, id: number) {
  await authorizeClose(ctx, id);
  const view = await getConsultation(ctx, id);
  const c = view.consultation;
  return { ...view, createdOfferings: isAboutNewOffering(c.kind) ? await repo.offeringsCreatedBetween(ctx.db, c.created_on, ctx.clock.today()) : [] };
}
export type CloseFormView = Awaited<ReturnType<typeof closeForm>>;

/** Closes an open case with the outcome and the local decision, on the version read (412 when stale, 409 when closed). */
export async function closeConsultation(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  const c = await load(ctx, id);
  requireSignedIn(ctx, 'consultations.close', { openerOrgId: c.opener_org_id, openerName: c.opener_name });
  const input = parseInput(ZConsultationClose, data);
  const version = requireVersionFrom(ifMatch, input.version);
  if (input.decisionOn > ctx.clock.today()) throw badRequest(INVALID, { decisionOn: ['Beslutningens dato kan ikke ligge i fremtiden.'] });
  const result = await resultOf(ctx, c.kind, input);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lock(trx, id);
    if (locked?.status !== 'aaben') throw conflict('Drøftelsen er allerede afsluttet.');
    if (locked.version !== version) throw stale();
    const row = { outcome: input.outcome, decision_text: input.decisionText, decision_on: input.decisionOn, closed_by: ctx.actor!.username, ...result };
    const closed = await repo.close(trx, id, version, row);
    if (!closed) throw stale();
    await audit(trx, ctx, {
      entity: 'coop_consultation',
      entityId: id,
      action: 'update',
      before: { status: 'aaben' },
      after: {
        status: 'afsluttet',
        outcome: row.outcome,
        decisionText: row.decision_text,
        decisionOn: row.decision_on,
        ...(isAboutNewOffering(c.kind) ? { result: row.result, resultOfferingId: row.result_offering_id } : {}),
      },
    });
    return closed.version;
  });
}

/**
 * The register's question before it closes an offering (in the closing transaction): a residential offering that an
 * area's rule in force covers (principle 3) is closed only after a finished joint consultation of its closure.
 * The caller (offerings' closeOffering) has made its own access call; this only reads.
 */
export async function closureRefusal(ctx: Ctx, db: Queryable, offeringId: number): Promise<string | null> {
  const o = await repo.offering(db, offeringId);
  if (!o?.isResidential) return null;
  const rule = (await repo.rulesOfMember(db, o.operatorOrgId, ctx.clock.today())).find((r) => !r.covered_only || o.isCovered);
  if (!rule || (await repo.hasFinishedConsultation(db, offeringId))) return null;
  return `Et bo- og døgntilbud i ${rule.area_name} lukkes først efter en fælles drøftelse med de andre kommuner. Åbn og afslut en drøftelse af lukningen under Samarbejde → Fælles drøftelser, og luk derefter tilbuddet.`;
}

/** What is due for a member municipality: its area's open cases it has not answered, by deadline. */
export async function consultationDueItems(ctx: Ctx): Promise<DueGroup[]> {
  const actor = ctx.actor;
  if (!actor || !can(ctx, 'consultations.answer', { organisationId: actor.organisationId, organisationName: actor.organisationName, isMember: true }))
    return [];
  const open = await repo.unanswered(ctx.db, actor.organisationId, actor.areaIds);
  if (!open.length) return [];
  return [
    {
      heading: 'Fælles drøftelser at besvare',
      href: '/samarbejde/droeftelser?status=aaben',
      items: open.map((c) => ({
        title: c.title,
        href: `/samarbejde/droeftelser/${c.id}`,
        due: c.deadline,
        detail: `${c.area_name}: kommunen har ikke svaret`,
      })),
    },
  ];
}
