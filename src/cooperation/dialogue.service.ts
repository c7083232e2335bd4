/**
 * @module Use cases of the mandatory joint dialogue cases of protected offerings: the list (API and page), one case
 * with its ordered steps (the area's procedure, e.g. Hovedstaden's nødbremse) and the members' answers, opening a case
 * on a trigger that fires today (the secretariat, one click; the deadline from the rule's days), recording the next
 * step (who and when), each member municipality's versioned answer, and the closing with the outcome once every step
 * is done. The status is re-checked on the locked row inside each transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx, DueGroup } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { INVALID, requireVersionFrom, stale } from '../core/version.js';
import { membersOfArea } from '../reference/reference.public.js';
import { PROTECTION } from './protection.policy.js';
import * as repo from './protection.repository.js';
import { ZDialogueAnswerInput, ZDialogueClose, ZDialogueQuery, ZOpenCase, ZStepInput } from './protection.schema.js';
import { areaOf, authorizeNotice } from './protection.service.js';

const CLOSED = 'Dialogsagen er afsluttet og kan ikke længere ændres.';

/** The list with the page's filters: `GET /api/dialogue-cases` and `/samarbejde/dialogsager`. */
export async function listCases(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'protection.read', PROTECTION);
  const q = parseInput(ZDialogueQuery, query ?? {});
  const area = await areaOf(ctx, q.area);
  return { query: q, area, areas: await repo.areas(ctx.db), cases: await repo.cases(ctx.db, { areaId: area?.id, status: q.status }) };
}

export const presentCase = (c: repo.CaseRow) => ({
  id: c.id,
  areaCode: c.area_code,
  offering: { id: c.offering_id, name: c.offering_name },
  procedure: c.procedure_name,
  triggerKind: c.trigger_kind,
  reason: c.reason,
  deadline: c.deadline,
  status: c.status,
  stepsDone: c.steps_done,
  steps: c.steps,
  answered: c.answered,
  createdOn: c.created_on,
});

async function load(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'protection.read', PROTECTION);
  const c = id > 0 ? await repo.findCase(ctx.db, id) : null;
  if (!c) throw notFound('Dialogsagen findes ikke.');
  return c;
}

/** The parties: the area's member municipalities today, but not the one operating the offering. */
async function parties(ctx: Ctx, c: repo.CaseRow) {
  return (await membersOfArea(ctx.db, c.area_id, ctx.clock.today())).filter((m) => m.kind === 'municipality' && m.id !== c.operator_org_id);
}

const editTarget = (c: repo.CaseRow) => ({ areaId: c.area_id, areaName: c.area_name });

/** One case with its steps, every party's answer (or none yet) and what the actor may do. */
export async function getCase(ctx: Ctx, id: number) {
  const c = await load(ctx, id);
  const [members, answers, steps] = await Promise.all([parties(ctx, c), repo.answers(ctx.db, id), repo.steps(ctx.db, id)]);
  const rows = members.map((m) => {
    const a = answers.find((x) => x.organisation_id === m.id);
    return { organisationId: m.id, organisationName: m.name, answer: a?.answer ?? null, note: a?.note ?? null, version: a?.version ?? 0 };
  });
  const own = rows.find((r) => r.organisationId === ctx.actor?.organisationId);
  const isOpen = c.status === 'aaben';
  const canEdit = isOpen && can(ctx, 'protection.edit', editTarget(c));
  return {
    dialogue: { ...c, members: rows.length },
    steps,
    nextStep: steps.find((s) => s.done_on === null) ?? null,
    answers: rows,
    canEdit,
    canClose: canEdit && steps.every((s) => s.done_on !== null),
    ownAnswer: own && isOpen && can(ctx, 'protection.answer', { ...own, isMember: true }) ? own : null,
    today: ctx.clock.today(),
  };
}
export type CaseView = Awaited<ReturnType<typeof getCase>>;

/**
 * Opens the mandatory dialogue case of a trigger that fires today on the offering (its area's secretariat): the
 * reason from the evaluation, the deadline from the rule, the steps from the area's procedure in force. One open case
 * per offering and trigger (409).
 */
export async function openCase(ctx: Ctx, offeringId: number, data: unknown): Promise<number> {
  const f = await authorizeNotice(ctx, offeringId);
  const input = parseInput(ZOpenCase, data);
  const area = f.area!;
  const rule = f.rules.find((r) => r.id === input.triggerId);
  if (!rule) throw badRequest(INVALID, { triggerId: ['Udløseren gælder ikke for tilbuddets område i dag.'] });
  const firing = f.firing.find((x) => x.ruleId === rule.id);
  if (!firing) throw conflict('Udløseren er ikke opfyldt i dag; der åbnes ingen dialogsag.');
  const today = ctx.clock.today();
  const procedure = await repo.procedureOn(ctx.db, area.id, today);
  if (!procedure) throw badRequest(INVALID, { triggerId: [`${area.name} har intet forløb for dialogsager i dag.`] });
  const row = {
    area_id: area.id,
    offering_id: offeringId,
    trigger_id: rule.id,
    procedure_name: procedure.name,
    reason: firing.reason,
    deadline: addDays(today, rule.deadline_days),
    created_by: ctx.actor!.username,
  };
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await repo.insertCase(trx, row, procedure.steps);
      await audit(trx, ctx, {
        entity: 'coop_dialogue_case',
        entityId: id,
        action: 'create',
        after: {
          areaCode: area.code,
          offeringId,
          triggerId: rule.id,
          procedure: row.procedure_name,
          reason: row.reason,
          deadline: row.deadline,
          status: 'aaben',
          steps: procedure.steps,
        },
      });
      return id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict('Der er allerede en åben dialogsag om denne udløser for tilbuddet.');
    throw error;
  }
}

/** The access check of a secretariat change of a case (steps, closing) on its own. */
export async function authorizeCaseEdit(ctx: Ctx, id: number): Promise<repo.CaseRow> {
  const c = await load(ctx, id);
  requireSignedIn(ctx, 'protection.edit', editTarget(c));
  return c;
}

/** Records the next step of the procedure (in order; done on a date not in the future); returns the case's version. */
export async function recordStep(ctx: Ctx, id: number, data: unknown): Promise<number> {
  await authorizeCaseEdit(ctx, id);
  const input = parseInput(ZStepInput, data);
  if (input.doneOn > ctx.clock.today()) throw badRequest(INVALID, { doneOn: ['Datoen kan ikke ligge i fremtiden.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCase(trx, id);
    if (locked?.status !== 'aaben') throw conflict(CLOSED);
    const steps = await repo.steps(trx, id);
    const next = steps.find((s) => s.done_on === null);
    if (!next || next.sort !== input.sort) throw conflict('Trinnet er allerede registreret, eller et tidligere trin mangler. Genindlæs siden.');
    const previous = steps.filter((s) => s.sort < next.sort).at(-1);
    if (previous?.done_on && input.doneOn < previous.done_on) throw badRequest(INVALID, { doneOn: ['Et trin kan ikke være udført før det forrige trin.'] });
    const version = await repo.recordStep(trx, id, next.sort, { done_on: input.doneOn, note: input.note, done_by: ctx.actor!.username });
    if (version === null) throw conflict('Trinnet er allerede registreret. Genindlæs siden.');
    await audit(trx, ctx, {
      entity: 'coop_dialogue_case',
      entityId: id,
      action: 'update',
      before: { step: next.sort, stepDoneOn: null },
      after: { step: next.sort, stepLabel: next.label, stepDoneOn: input.doneOn, stepNote: input.note },
    });
    return version;
  });
}

async function answerTarget(ctx: Ctx, id: number, organisationId: number) {
  const c = await load(ctx, id);
  const org = organisationId > 0 ? await repo.findOrganisation(ctx.db, organisationId) : null;
  if (!org) throw notFound('Kommunen findes ikke.');
  const isMember = (await parties(ctx, c)).some((m) => m.id === org.id);
  return { c, org, target: { organisationId: org.id, organisationName: org.name, isMember } };
}

/** The access check of a municipality's answer on its own. */
export async function authorizeAnswer(ctx: Ctx, id: number, organisationId: number): Promise<void> {
  const { target } = await answerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'protection.answer', target);
}

/** Saves a party's answer on the version read (0: the first answer) while the case is open; returns the new version. */
export async function saveAnswer(ctx: Ctx, id: number, organisationId: number, data: unknown, ifMatch?: string): Promise<number> {
  const { org, target } = await answerTarget(ctx, id, organisationId);
  requireSignedIn(ctx, 'protection.answer', target);
  const input = parseInput(ZDialogueAnswerInput, data);
  const version = requireVersionFrom(ifMatch, input.version);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCase(trx, id);
    if (locked?.status !== 'aaben') throw conflict(CLOSED);
    const existing = (await repo.answers(trx, id)).find((a) => a.organisation_id === org.id);
    const row = { answer: input.answer, note: input.note, answered_by: ctx.actor!.username };
    let newVersion: number;
    let answerId: number;
    if (!existing) {
      if (version !== 0) throw stale();
      answerId = await repo.insertAnswer(trx, { case_id: id, organisation_id: org.id, ...row });
      newVersion = 1;
    } else {
      const updated = await repo.updateAnswer(trx, existing.id, version, row);
      if (!updated) throw stale();
      answerId = existing.id;
      newVersion = updated.version;
    }
    await audit(trx, ctx, {
      entity: 'coop_dialogue_answer',
      entityId: answerId,
      action: existing ? 'update' : 'create',
      before: existing ? { caseId: id, organisationId: org.id, answer: existing.answer, note: existing.note } : undefined,
      after: { caseId: id, organisationId: org.id, answer: input.answer, note: input.note },
    });
    return newVersion;
  });
}

/** Closes an open case with the outcome once every step is done, on the version read (412 stale, 409 closed). */
export async function closeCase(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  await authorizeCaseEdit(ctx, id);
  const input = parseInput(ZDialogueClose, data);
  const version = requireVersionFrom(ifMatch, input.version);
  if (input.closedOn > ctx.clock.today()) throw badRequest(INVALID, { closedOn: ['Datoen kan ikke ligge i fremtiden.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCase(trx, id);
    if (locked?.status !== 'aaben') throw conflict('Dialogsagen er allerede afsluttet.');
    if (locked.version !== version) throw stale();
    const missing = (await repo.steps(trx, id)).filter((s) => s.done_on === null);
    if (missing.length) throw conflict(`Dialogsagen afsluttes først, når alle trin er registreret (mangler: ${missing.map((s) => s.label).join(', ')}).`);
    const row = { outcome: input.outcome, closed_on: input.closedOn, closed_by: ctx.actor!.username };
    const closed = await repo.closeCase(trx, id, version, row);
    if (!closed) throw stale();
    await audit(trx, ctx, {
      entity: 'coop_dialogue_case',
      entityId: id,
      action: 'update',
      before: { status: 'aaben' },
      after: { status: 'afsluttet', outcome: row.outcome, closedOn: row.closed_on },
    });
    return closed.version;
  });
}

/** What is due: for a party municipality its area's open cases it has not answered; for a secretariat its open cases. */
export async function dialogueDueItems(ctx: Ctx): Promise<DueGroup[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const out: DueGroup[] = [];
  const areas = await repo.areas(ctx.db);
  const own = areas.filter((a) => can(ctx, 'protection.edit', { areaId: a.id, areaName: a.name }));
  if (own.length) {
    const open = (await Promise.all(own.map((a) => repo.cases(ctx.db, { areaId: a.id, status: 'aaben' })))).flat();
    if (open.length)
      out.push({
        heading: 'Åbne dialogsager om beskyttede tilbud',
        href: '/samarbejde/dialogsager?status=aaben',
        items: open.map((c) => ({
          title: `${c.procedure_name}: ${c.offering_name}`,
          href: `/samarbejde/dialogsager/${c.id}`,
          due: c.deadline,
          detail: `${c.steps_done} af ${c.steps} trin registreret`,
        })),
      });
  }
  if (can(ctx, 'protection.answer', { organisationId: actor.organisationId, organisationName: actor.organisationName, isMember: true })) {
    const open = await repo.unanswered(ctx.db, actor.organisationId, actor.areaIds);
    if (open.length)
      out.push({
        heading: 'Dialogsager om beskyttede tilbud at besvare',
        href: '/samarbejde/dialogsager?status=aaben',
        items: open.map((c) => ({
          title: `${c.procedure_name}: ${c.offering_name}`,
          href: `/samarbejde/dialogsager/${c.id}`,
          due: c.deadline,
          detail: 'kommunen har ikke svaret',
        })),
      });
  }
  return out;
}
