/**
 * @module Writing an agreement and its content: the agreement itself (period, status, publication), free
 * sections, focus areas, objectives, indicators and measurements, joint principles and commitments, and each
 * member's status per commitment. Every write checks access first, validates, and runs in one transaction
 * with its audit entry.
 */
import type { Actor } from '../core/auth/actor.js';
import { requireRole } from '../core/auth/actor.js';
import { today } from '../core/auth/auth.service.js';
import { audit } from '../core/audit.js';
import type { Db, Trx } from '../core/db/types.js';
import { badRequest, conflict, forbidden, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { requireOwnMember, requireSecretariat } from './access.js';
import { agreementMembers, getAgreement, vocabulary } from './agreements.repo.js';
import {
  ZAgreement, ZCommitment, ZCommitmentStatus, ZFocusArea, ZIndicator, ZMeasurement, ZObjective, ZPrinciple, ZPublish, ZSection, ZStatusChange,
} from './agreements.schema.js';
import { canTransition, formatCount } from './logic.js';

const fail = (field: string, message: string): never => {
  throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { [field]: [message] });
};

function collect(checks: Array<[boolean, string, string]>): void {
  const errors: FieldErrors = {};
  for (const [bad, field, message] of checks) if (bad) (errors[field] ??= []).push(message);
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
}

async function touch(trx: Trx, agreementId: number) {
  await trx.updateTable('agreement').set({ updated_at: new Date() }).where('id', '=', agreementId).execute();
}

// The agreement --------------------------------------------------------------------------------------------

export async function createAgreement(db: Db, actor: Actor | null, input: unknown): Promise<number> {
  const a = requireRole(actor, 'sekretariat');
  if (a.organisationKind !== 'secretariat' || a.areaIds.length === 0) throw forbidden('Kun et rammeaftalesekretariat kan oprette aftaler.');
  const v = parseInput(ZAgreement, input);
  const areaId = v.area_id ?? a.areaIds[0]!;
  if (!a.areaIds.includes(areaId)) throw forbidden('Du kan kun oprette aftaler i dit eget aftaleområde.');
  collect([
    [v.period_end < v.period_start, 'period_end', 'Periodens slutdato skal ligge efter startdatoen.'],
    [v.preparation_start > v.period_start, 'preparation_start', 'Arbejdet med aftalen skal starte før aftaleperioden.'],
  ]);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('agreement')
      .values({ area_id: areaId, title: v.title, period_start: v.period_start, period_end: v.period_end, preparation_start: v.preparation_start, summary: v.summary, status: 'under_udarbejdelse' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('agreement_status_event').values({ agreement_id: row.id, status: 'under_udarbejdelse', changed_on: today(), note: 'Aftalen er oprettet.', actor_username: a.username }).execute();
    await audit(trx, a, { entity: 'agreement', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

export async function updateAgreement(db: Db, actor: Actor | null, id: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, id);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZAgreement, input);
  collect([
    [v.period_end < v.period_start, 'period_end', 'Periodens slutdato skal ligge efter startdatoen.'],
    [v.preparation_start > v.period_start, 'preparation_start', 'Arbejdet med aftalen skal starte før aftaleperioden.'],
  ]);
  await db.transaction().execute(async (trx) => {
    const outside = await trx
      .selectFrom('agreement_milestone')
      .select(['title', 'due_on'])
      .where('agreement_id', '=', id)
      .where((eb) => eb.or([eb('due_on', '<', v.preparation_start), eb('due_on', '>', v.period_end)]))
      .execute();
    if (outside.length) fail('preparation_start', `${formatCount(outside.length, 'milepæl', 'milepæle')} ville ligge uden for aftalens forløb, fx "${outside[0]!.title}" (${outside[0]!.due_on}). Flyt dem først.`);
    const after = await trx
      .updateTable('agreement')
      .set({ title: v.title, period_start: v.period_start, period_end: v.period_end, preparation_start: v.preparation_start, summary: v.summary, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement', entityId: id, action: 'update', before: agreement, after });
  });
}

/** Hand-made status changes (to hearing, to approval, back to drafting). 'godkendt' follows the approvals. */
export async function changeStatus(db: Db, actor: Actor | null, id: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, id);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZStatusChange, input);
  const labels = await vocabulary(db, 'aftalestatus');
  const label = (c: string) => labels.find((l) => l.code === c)?.label ?? c;
  if (!canTransition(agreement.status, v.status)) throw conflict(`Aftalen kan ikke gå fra "${label(agreement.status)}" til "${label(v.status)}".`);
  await db.transaction().execute(async (trx) => {
    let hearingVersionId: number | null = null;
    if (v.status === 'i_hoering') {
      const latest = await trx.selectFrom('agreement_version').select(['id', 'number']).where('agreement_id', '=', id).orderBy('number', 'desc').executeTakeFirst();
      if (!latest) throw conflict('Udgiv en version af aftaleteksten, før aftalen sendes i høring.');
      if (!v.hearing_until) fail('hearing_until', 'Angiv en høringsfrist.');
      if (v.hearing_until! < today()) fail('hearing_until', 'Høringsfristen kan ikke ligge før i dag.');
      await trx.updateTable('agreement_version').set({ hearing_until: v.hearing_until! }).where('id', '=', latest.id).execute();
      hearingVersionId = latest.id;
    }
    const after = await trx
      .updateTable('agreement')
      .set({ status: v.status, hearing_version_id: hearingVersionId, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('agreement_status_event').values({ agreement_id: id, status: v.status, changed_on: today(), note: v.note, actor_username: a.username }).execute();
    await audit(trx, a, { entity: 'agreement', entityId: id, action: 'update', before: { status: agreement.status }, after: { status: after.status, hearing_version_id: hearingVersionId, note: v.note } });
  });
}

export async function setPublished(db: Db, actor: Actor | null, id: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, id);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZPublish, input);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agreement')
      .set({ is_public: v.is_public, published_on: v.is_public ? (agreement.published_on ?? today()) : null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, a, { entity: 'agreement', entityId: id, action: 'update', before: { is_public: agreement.is_public }, after: { is_public: v.is_public } });
  });
}

// Generic helpers for numbered children --------------------------------------------------------------------

async function ensureFreeNumber(trx: Trx, table: 'agreement_focus_area' | 'agreement_principle' | 'agreement_section' | 'agreement_phase', agreementId: number, number: number, exceptId: number | null, what: string) {
  let q = trx.selectFrom(table).select('id').where('agreement_id', '=', agreementId).where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) fail('number', `Nummer ${number} bruges allerede af et andet ${what} i aftalen.`);
}

// Free sections ---------------------------------------------------------------------------------------------

export async function saveSection(db: Db, actor: Actor | null, agreementId: number, sectionId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZSection, input);
  return db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_section', agreementId, v.number, sectionId, 'afsnit');
    const values = { number: v.number, title: v.title, body: v.body };
    if (sectionId === null) {
      const row = await trx.insertInto('agreement_section').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_section', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_section').selectAll().where('id', '=', sectionId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Afsnittet findes ikke.');
    const after = await trx.updateTable('agreement_section').set(values).where('id', '=', sectionId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_section', entityId: sectionId, action: 'update', before, after });
    await touch(trx, agreementId);
    return sectionId;
  });
}

// Focus areas, objectives -----------------------------------------------------------------------------------

export async function saveFocusArea(db: Db, actor: Actor | null, agreementId: number, focusAreaId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZFocusArea, input);
  return db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_focus_area', agreementId, v.number, focusAreaId, 'fokusområde');
    const values = { part: v.part, number: v.number, title: v.title, goal: v.goal, content: v.content, desired_results: JSON.stringify(v.desired_results), responsible: v.responsible };
    if (focusAreaId === null) {
      const row = await trx.insertInto('agreement_focus_area').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_focus_area', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_focus_area').selectAll().where('id', '=', focusAreaId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Fokusområdet findes ikke.');
    const after = await trx.updateTable('agreement_focus_area').set(values).where('id', '=', focusAreaId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_focus_area', entityId: focusAreaId, action: 'update', before, after });
    await touch(trx, agreementId);
    return focusAreaId;
  });
}

export async function saveObjective(db: Db, actor: Actor | null, agreementId: number, focusAreaId: number, objectiveId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZObjective, input);
  return db.transaction().execute(async (trx) => {
    const fa = await trx.selectFrom('agreement_focus_area').select('id').where('id', '=', focusAreaId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!fa) throw notFound('Fokusområdet findes ikke i aftalen.');
    let dup = trx.selectFrom('agreement_objective').select('id').where('focus_area_id', '=', focusAreaId).where('number', '=', v.number);
    if (objectiveId) dup = dup.where('id', '<>', objectiveId);
    if (await dup.executeTakeFirst()) fail('number', `Nummer ${v.number} bruges allerede af en anden målsætning under fokusområdet.`);
    const values = { number: v.number, title: v.title, description: v.description };
    if (objectiveId === null) {
      const row = await trx.insertInto('agreement_objective').values({ focus_area_id: focusAreaId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_objective', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_objective').selectAll().where('id', '=', objectiveId).where('focus_area_id', '=', focusAreaId).executeTakeFirst();
    if (!before) throw notFound('Målsætningen findes ikke.');
    const after = await trx.updateTable('agreement_objective').set(values).where('id', '=', objectiveId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_objective', entityId: objectiveId, action: 'update', before, after });
    await touch(trx, agreementId);
    return objectiveId;
  });
}

// Indicators and measurements -------------------------------------------------------------------------------

async function knownComputation(code: string): Promise<boolean> {
  const { indicatorComputations } = await import('../capabilities.js');
  return indicatorComputations().has(code);
}

export async function saveIndicator(db: Db, actor: Actor | null, agreementId: number, indicatorId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZIndicator, input);
  collect([
    [(v.baseline_value ?? null) === null !== ((v.baseline_date ?? null) === null), (v.baseline_value ?? null) === null ? 'baseline_value' : 'baseline_date', 'Udgangspunktet skal have både værdi og dato.'],
    [(v.target_value ?? null) === null !== ((v.target_date ?? null) === null), (v.target_value ?? null) === null ? 'target_value' : 'target_date', 'Målet skal have både værdi og dato.'],
    [!!v.baseline_date && !!v.target_date && v.target_date < v.baseline_date, 'target_date', 'Måldatoen skal ligge efter udgangspunktets dato.'],
    [v.source !== 'manual' && !(await knownComputation(v.source)), 'source', 'Ukendt beregning. Vælg manuel indtastning eller en af Rammes beregninger.'],
  ]);
  return db.transaction().execute(async (trx) => {
    if (v.objective_id) {
      const ok = await trx
        .selectFrom('agreement_objective as o')
        .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
        .select('o.id')
        .where('o.id', '=', v.objective_id)
        .where('f.agreement_id', '=', agreementId)
        .executeTakeFirst();
      if (!ok) fail('objective_id', 'Målsætningen findes ikke i denne aftale.');
    }
    const values = {
      objective_id: v.objective_id ?? null, name: v.name, definition: v.definition, unit: v.unit, direction: v.direction,
      baseline_value: v.baseline_value ?? null, baseline_date: v.baseline_date ?? null, target_value: v.target_value ?? null, target_date: v.target_date ?? null, source: v.source,
    };
    if (indicatorId === null) {
      const row = await trx.insertInto('agreement_indicator').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_indicator', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_indicator').selectAll().where('id', '=', indicatorId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Indikatoren findes ikke.');
    const after = await trx.updateTable('agreement_indicator').set(values).where('id', '=', indicatorId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_indicator', entityId: indicatorId, action: 'update', before, after });
    await touch(trx, agreementId);
    return indicatorId;
  });
}

export async function addMeasurement(db: Db, actor: Actor | null, agreementId: number, indicatorId: number, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZMeasurement, input);
  if (v.measured_on > today()) fail('measured_on', 'En måling kan ikke ligge i fremtiden.');
  if (v.organisation_id) {
    const members = await agreementMembers(db, agreement);
    if (!members.some((m) => m.id === v.organisation_id)) fail('organisation_id', 'Organisationen er ikke medlem af aftalen.');
  }
  return db.transaction().execute(async (trx) => {
    const ind = await trx.selectFrom('agreement_indicator').select('id').where('id', '=', indicatorId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!ind) throw notFound('Indikatoren findes ikke.');
    const row = await trx
      .insertInto('agreement_measurement')
      .values({ indicator_id: indicatorId, organisation_id: v.organisation_id ?? null, measured_on: v.measured_on, value: v.value, source: v.source, note: v.note })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_measurement', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

// Principles, commitments, member statuses ------------------------------------------------------------------

export async function savePrinciple(db: Db, actor: Actor | null, agreementId: number, principleId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZPrinciple, input);
  return db.transaction().execute(async (trx) => {
    await ensureFreeNumber(trx, 'agreement_principle', agreementId, v.number, principleId, 'princip');
    const values = { number: v.number, title: v.title, description: v.description };
    if (principleId === null) {
      const row = await trx.insertInto('agreement_principle').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_principle', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_principle').selectAll().where('id', '=', principleId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Princippet findes ikke.');
    const after = await trx.updateTable('agreement_principle').set(values).where('id', '=', principleId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_principle', entityId: principleId, action: 'update', before, after });
    await touch(trx, agreementId);
    return principleId;
  });
}

export async function saveCommitment(db: Db, actor: Actor | null, agreementId: number, principleId: number, commitmentId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZCommitment, input);
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('agreement_principle').select('id').where('id', '=', principleId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!p) throw notFound('Princippet findes ikke i aftalen.');
    let dup = trx.selectFrom('agreement_commitment').select('id').where('principle_id', '=', principleId).where('number', '=', v.number);
    if (commitmentId) dup = dup.where('id', '<>', commitmentId);
    if (await dup.executeTakeFirst()) fail('number', `Nummer ${v.number} bruges allerede af et andet tilsagn under princippet.`);
    if (v.indicator_id) {
      const ind = await trx.selectFrom('agreement_indicator').select('id').where('id', '=', v.indicator_id).where('agreement_id', '=', agreementId).executeTakeFirst();
      if (!ind) fail('indicator_id', 'Indikatoren findes ikke i denne aftale.');
    }
    const values = { number: v.number, text: v.text, scope_note: v.scope_note, applies_from: v.applies_from, indicator_id: v.indicator_id ?? null };
    if (commitmentId === null) {
      const row = await trx.insertInto('agreement_commitment').values({ principle_id: principleId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_commitment', entityId: row.id, action: 'create', after: row });
      await touch(trx, agreementId);
      return row.id;
    }
    const before = await trx.selectFrom('agreement_commitment').selectAll().where('id', '=', commitmentId).where('principle_id', '=', principleId).executeTakeFirst();
    if (!before) throw notFound('Tilsagnet findes ikke.');
    const after = await trx.updateTable('agreement_commitment').set(values).where('id', '=', commitmentId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_commitment', entityId: commitmentId, action: 'update', before, after });
    await touch(trx, agreementId);
    return commitmentId;
  });
}

export type StatusInput = { commitment_id: number; status: string; status_date: string | null; evidence: string | null };

/**
 * A member sets its own statuses for one or more commitments. Only that member's own users may; an empty
 * status leaves the commitment untouched. All or nothing.
 */
export async function setCommitmentStatuses(db: Db, actor: Actor | null, agreementId: number, organisationId: number, items: StatusInput[]): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const members = await agreementMembers(db, agreement);
  const a = requireOwnMember(actor, members, organisationId, 'angive status på tilsagn');
  const codes = (await vocabulary(db, 'tilsagnsstatus')).map((s) => s.code);
  const d = today();
  const errors: FieldErrors = {};
  const chosen = items.filter((i) => i.status !== '');
  for (const i of chosen) {
    if (!codes.includes(i.status)) (errors[`status_${i.commitment_id}`] ??= []).push('Ukendt status. Vælg en af de tilladte.');
    if (i.status_date && i.status_date > d) (errors[`date_${i.commitment_id}`] ??= []).push('Datoen kan ikke ligge i fremtiden.');
  }
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  return db.transaction().execute(async (trx) => {
    const own = await trx
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .select('c.id')
      .where('p.agreement_id', '=', agreementId)
      .execute();
    const ownIds = new Set(own.map((c) => c.id));
    for (const i of chosen) if (!ownIds.has(i.commitment_id)) throw notFound('Tilsagnet findes ikke i aftalen.');
    if (!chosen.length) return 0;
    const before = await trx
      .selectFrom('agreement_commitment_status')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('commitment_id', 'in', chosen.map((i) => i.commitment_id))
      .execute();
    let changed = 0;
    for (const i of chosen) {
      const prev = before.find((b) => b.commitment_id === i.commitment_id);
      const next = { status: i.status, status_date: i.status_date ?? d, evidence: i.evidence };
      if (prev && prev.status === next.status && prev.status_date === next.status_date && (prev.evidence ?? null) === (next.evidence ?? null)) continue;
      await trx
        .insertInto('agreement_commitment_status')
        .values({ commitment_id: i.commitment_id, organisation_id: organisationId, ...next, updated_by: a.username })
        .onConflict((oc) => oc.columns(['commitment_id', 'organisation_id']).doUpdateSet({ ...next, updated_by: a.username, updated_at: new Date() }))
        .execute();
      await audit(trx, a, { entity: 'agreement_commitment_status', entityId: `${i.commitment_id}:${organisationId}`, action: prev ? 'update' : 'create', before: prev ?? null, after: next });
      changed += 1;
    }
    return changed;
  });
}

export async function setCommitmentStatus(db: Db, actor: Actor | null, agreementId: number, commitmentId: number, organisationId: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  requireOwnMember(actor, await agreementMembers(db, agreement), organisationId, 'angive status på tilsagn');
  const v = parseInput(ZCommitmentStatus, input);
  const codes = (await vocabulary(db, 'tilsagnsstatus')).map((s) => s.code);
  collect([
    [!codes.includes(v.status), 'status', 'Ukendt status. Vælg en af de tilladte.'],
    [v.status_date > today(), 'status_date', 'Datoen kan ikke ligge i fremtiden.'],
  ]);
  await setCommitmentStatuses(db, actor, agreementId, organisationId, [{ commitment_id: commitmentId, status: v.status, status_date: v.status_date, evidence: v.evidence }]);
}
