/**
 * @module An agreement's content: the content page, and the secretariat's forms and writes for free sections,
 * focus areas, objectives, joint principles and commitments. Every function starts with one access call;
 * every write validates and runs in one transaction with its audit entry.
 */
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Trx } from '../core/db/types.js';
import { badRequest, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { checkVersion, type ExpectedVersion } from '../core/version.js';
import { auditShape } from './agreements.audit.js';
import { editable, mayEdit, readable } from './agreements.guard.js';
import { allVocabulary, loadContent, touchAgreement, type AgreementRow } from './agreements.repository.js';
import { ZCommitment, ZFocusArea, ZObjective, ZPrinciple, ZSection } from './agreements.schema.js';
import * as repo from './content.repository.js';

/** The 412 of a stale version: someone else saved the content after it was read. */
export const CONTENT_STALE = 'En anden har ændret aftalens indhold, siden du hentede det. Intet er gemt. Hent siden igen, og gentag dine ændringer.';

const fail = (field: string, message: string): never => {
  throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { [field]: [message] });
};

async function ensureFreeNumber(
  trx: Trx,
  table: 'agreement_focus_area' | 'agreement_principle' | 'agreement_section',
  agreementId: number,
  number: number,
  exceptId: number | null,
  what: string,
) {
  if (await repo.isNumberTaken(trx, table, agreementId, number, exceptId)) fail('number', `Nummer ${number} bruges allerede af et andet ${what} i aftalen.`);
}

// Reading ---------------------------------------------------------------------------------------------------

/** The content page: free sections, focus areas per part with objectives and indicators, principles with commitments. */
export async function contentView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const [content, vocab] = await Promise.all([loadContent(ctx.db, agreement.id), allVocabulary(ctx.db)]);
  // The rows behind an indicator need sign-in: an anonymous reader is never offered a link to them.
  return { agreement, content, parts: vocab.list('del'), canEdit: mayEdit(ctx, agreement), indicatorLinks: ctx.actor !== null };
}
export type ContentView = Awaited<ReturnType<typeof contentView>>;

/** A free section for the edit form (null: a new one). */
export async function sectionForm(ctx: Ctx, id: number, sectionId: number | null) {
  const { agreement } = await editable(ctx, id);
  const section = sectionId === null ? null : ((await repo.findSection(ctx.db, agreement.id, sectionId)) ?? null);
  if (sectionId !== null && !section) throw notFound('Afsnittet findes ikke.');
  return { agreement, section };
}

/** A focus area with its objectives for the edit form (null: a new one, with the next free number). */
export async function focusAreaForm(ctx: Ctx, id: number, focusAreaId: number | null) {
  const { agreement } = await editable(ctx, id);
  if (focusAreaId === null) return { agreement, focusArea: null, objectives: [], nextNumber: await repo.nextFocusAreaNumber(ctx.db, agreement.id) };
  const focusArea = await repo.findFocusArea(ctx.db, agreement.id, focusAreaId);
  if (!focusArea) throw notFound('Fokusområdet findes ikke.');
  return { agreement, focusArea, objectives: await repo.objectivesOf(ctx.db, focusAreaId), nextNumber: null };
}
export type FocusAreaForm = Awaited<ReturnType<typeof focusAreaForm>>;

/** A principle with its commitments and the indicators a commitment can point to (null: a new principle). */
export async function principleForm(ctx: Ctx, id: number, principleId: number | null) {
  const { agreement } = await editable(ctx, id);
  if (principleId === null) return { agreement, principle: null, commitments: [], indicators: [] };
  const principle = await repo.findPrinciple(ctx.db, agreement.id, principleId);
  if (!principle) throw notFound('Princippet findes ikke.');
  const [commitments, indicators] = await Promise.all([repo.commitmentsOf(ctx.db, principleId), repo.indicatorNames(ctx.db, agreement.id)]);
  return { agreement, principle, commitments, indicators };
}
export type PrincipleForm = Awaited<ReturnType<typeof principleForm>>;

/** One commitment for its edit form. */
export async function commitmentForm(ctx: Ctx, id: number, commitmentId: number) {
  const { agreement } = await editable(ctx, id);
  const commitment = await repo.findCommitment(ctx.db, agreement.id, commitmentId);
  if (!commitment) throw notFound('Tilsagnet findes ikke.');
  return { agreement, commitment, indicators: await repo.indicatorNames(ctx.db, agreement.id) };
}
export type CommitmentForm = Awaited<ReturnType<typeof commitmentForm>>;

// Writing ---------------------------------------------------------------------------------------------------

/**
 * Creates (childId null) or updates a child of the agreement, audited, and marks the agreement as changed. An update
 * locks the row, checks the version it builds on (if given: 412 when stale), takes the audit's "before" from the
 * locked row and raises the version.
 */
async function saveChild<R extends { id: number; version: number }>(
  ctx: Ctx,
  trx: Trx,
  agreement: AgreementRow,
  entity: repo.VersionedContent,
  childId: number | null,
  ops: { find: () => Promise<R | undefined>; insert: () => Promise<R>; update: () => Promise<R>; shape: (row: R) => unknown; missing: string },
  expected?: ExpectedVersion,
): Promise<Saved> {
  if (childId === null) {
    const row = await ops.insert();
    await audit(trx, ctx, { entity, entityId: row.id, action: 'create', after: ops.shape(row) });
    await touchAgreement(trx, agreement.id, ctx.clock.now());
    return { id: row.id, version: row.version };
  }
  const version = await repo.lockContentRow(trx, entity, childId);
  const before = version === null ? undefined : await ops.find();
  if (!before) throw notFound(ops.missing);
  checkVersion(version!, expected, CONTENT_STALE);
  const after = await ops.update();
  const newVersion = await repo.bumpContentRow(trx, entity, childId);
  await audit(trx, ctx, { entity, entityId: childId, action: 'update', before: ops.shape(before), after: ops.shape(after) });
  await touchAgreement(trx, agreement.id, ctx.clock.now());
  return { id: childId, version: newVersion };
}

/** A saved content row: its id and the version it has now (the ETag of the answer). */
export type Saved = { id: number; version: number };

export async function saveSection(ctx: Ctx, agreementId: number, sectionId: number | null, input: unknown, expected?: ExpectedVersion): Promise<Saved> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZSection, input);
  return ctx.db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_section', agreementId, v.number, sectionId, 'afsnit');
    const values = { number: v.number, title: v.title, body: v.body };
    return saveChild(
      ctx,
      trx,
      agreement,
      'agreement_section',
      sectionId,
      {
        find: () => repo.findSection(trx, agreementId, sectionId!),
        insert: () => repo.insertSection(trx, { agreement_id: agreementId, ...values }),
        update: () => repo.updateSection(trx, sectionId!, values),
        shape: auditShape.section,
        missing: 'Afsnittet findes ikke.',
      },
      expected,
    );
  });
}

export async function saveFocusArea(ctx: Ctx, agreementId: number, focusAreaId: number | null, input: unknown, expected?: ExpectedVersion): Promise<Saved> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZFocusArea, input);
  return ctx.db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_focus_area', agreementId, v.number, focusAreaId, 'fokusområde');
    const values = {
      part: v.part,
      number: v.number,
      title: v.title,
      goal: v.goal,
      content: v.content,
      desired_results: JSON.stringify(v.desiredResults),
      responsible: v.responsible,
    };
    return saveChild(
      ctx,
      trx,
      agreement,
      'agreement_focus_area',
      focusAreaId,
      {
        find: () => repo.findFocusArea(trx, agreementId, focusAreaId!),
        insert: () => repo.insertFocusArea(trx, { agreement_id: agreementId, ...values }),
        update: () => repo.updateFocusArea(trx, focusAreaId!, values),
        shape: auditShape.focusArea,
        missing: 'Fokusområdet findes ikke.',
      },
      expected,
    );
  });
}

export async function saveObjective(
  ctx: Ctx,
  agreementId: number,
  focusAreaId: number,
  objectiveId: number | null,
  input: unknown,
  expected?: ExpectedVersion,
): Promise<Saved> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZObjective, input);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findFocusArea(trx, agreementId, focusAreaId))) throw notFound('Fokusområdet findes ikke i aftalen.');
    if (await repo.isObjectiveNumberTaken(trx, focusAreaId, v.number, objectiveId))
      fail('number', `Nummer ${v.number} bruges allerede af en anden målsætning under fokusområdet.`);
    const values = { number: v.number, title: v.title, description: v.description };
    return saveChild(
      ctx,
      trx,
      agreement,
      'agreement_objective',
      objectiveId,
      {
        find: () => repo.findObjective(trx, focusAreaId, objectiveId!),
        insert: () => repo.insertObjective(trx, { focus_area_id: focusAreaId, ...values }),
        update: () => repo.updateObjective(trx, objectiveId!, values),
        shape: auditShape.objective,
        missing: 'Målsætningen findes ikke.',
      },
      expected,
    );
  });
}

export async function savePrinciple(ctx: Ctx, agreementId: number, principleId: number | null, input: unknown, expected?: ExpectedVersion): Promise<Saved> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZPrinciple, input);
  return ctx.db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_principle', agreementId, v.number, principleId, 'princip');
    const values = { number: v.number, title: v.title, description: v.description };
    return saveChild(
      ctx,
      trx,
      agreement,
      'agreement_principle',
      principleId,
      {
        find: () => repo.findPrinciple(trx, agreementId, principleId!),
        insert: () => repo.insertPrinciple(trx, { agreement_id: agreementId, ...values }),
        update: () => repo.updatePrinciple(trx, principleId!, values),
        shape: auditShape.principle,
        missing: 'Princippet findes ikke.',
      },
      expected,
    );
  });
}

export async function saveCommitment(
  ctx: Ctx,
  agreementId: number,
  principleId: number,
  commitmentId: number | null,
  input: unknown,
  expected?: ExpectedVersion,
): Promise<Saved> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZCommitment, input);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findPrinciple(trx, agreementId, principleId))) throw notFound('Princippet findes ikke i aftalen.');
    if (await repo.isCommitmentNumberTaken(trx, principleId, v.number, commitmentId))
      fail('number', `Nummer ${v.number} bruges allerede af et andet tilsagn under princippet.`);
    if (v.indicatorId && !(await repo.findIndicator(trx, agreementId, v.indicatorId))) fail('indicatorId', 'Indikatoren findes ikke i denne aftale.');
    const values = { number: v.number, text: v.text, scope_note: v.scopeNote, applies_from: v.appliesFrom, indicator_id: v.indicatorId ?? null };
    return saveChild(
      ctx,
      trx,
      agreement,
      'agreement_commitment',
      commitmentId,
      {
        find: async () => {
          const c = await repo.findCommitment(trx, agreementId, commitmentId!);
          return c && c.principle_id === principleId ? c : undefined;
        },
        insert: () => repo.insertCommitment(trx, { principle_id: principleId, ...values }),
        update: () => repo.updateCommitment(trx, commitmentId!, values),
        shape: auditShape.commitment,
        missing: 'Tilsagnet findes ikke.',
      },
      expected,
    );
  });
}
