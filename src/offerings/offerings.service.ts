/**
 * @module Offerings use cases. Each starts with the access check, validates codes against the dated
 * reference data, writes in one transaction and records the change in the audit log.
 */
import type { Actor } from '../core/auth/actor.js';
import { hasRole, requireActor } from '../core/auth/actor.js';
import { audit } from '../core/audit.js';
import type { Db, Queryable } from '../core/db/types.js';
import { addFieldError, badRequest, forbidden, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { areasOfMunicipality } from '../reference/reference.repository.js';
import { formatDate } from '../core/web/components.js';
import { ZClose, ZOfferingInput, type TOfferingInput } from './offerings.schema.js';
import { getOffering, insertOffering, today, updateOffering, type OfferingDetail, type OfferingRowValues } from './offerings.repository.js';

/** Which operator types each kind of organisation may run. */
const OPERATOR_TYPES_BY_KIND: Record<string, string[]> = {
  municipality: ['kommunal'],
  region: ['regional'],
  provider: ['privat', 'selvejende'],
};

/** May this actor write an offering run by `operatorOrgId` and located in `municipalityCode`? */
export async function canEditOffering(db: Queryable, actor: Actor | null, target: { operatorOrgId: number; municipalityCode: number }): Promise<boolean> {
  if (!actor) return false;
  if (hasRole(actor, 'tilbudsoekonomi') && (actor.organisationKind === 'municipality' || actor.organisationKind === 'region') && target.operatorOrgId === actor.organisationId) return true;
  if (hasRole(actor, 'leverandoer') && actor.organisationKind === 'provider' && target.operatorOrgId === actor.organisationId) return true;
  if (hasRole(actor, 'sekretariat') && actor.organisationKind === 'secretariat') {
    const areas = await areasOfMunicipality(db, target.municipalityCode, today());
    return areas.some((a) => actor.areaIds.includes(a.id));
  }
  return false;
}

export function canCreateOfferings(actor: Actor | null): boolean {
  return hasRole(actor, 'tilbudsoekonomi', 'leverandoer', 'sekretariat') && actor?.organisationKind !== undefined;
}

export function toInput(o: OfferingDetail): TOfferingInput {
  return {
    name: o.name,
    operatorOrganisationId: o.operator_org_id,
    operatorType: o.operator_type,
    address: o.address,
    postalCode: o.postal_code,
    city: o.city,
    municipalityCode: o.municipality_code,
    offeringType: o.offering_type,
    primaryLegalBasis: o.primary_legal_basis,
    extraLegalBases: o.extraLegalBases.map((l) => l.code),
    targetGroups: o.targetGroups.map((t) => t.code),
    places: o.places,
    ageMin: o.age_min,
    ageMax: o.age_max,
    status: o.status,
    statusSince: o.status_since,
    socialtilsynCode: o.socialtilsyn_code,
    approvalDate: o.approval_date,
    isCovered: o.is_covered,
    protection: o.protection,
    description: o.description,
    contactName: o.contact_name,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
  };
}

function toRow(v: TOfferingInput): OfferingRowValues {
  return {
    name: v.name,
    operator_org_id: v.operatorOrganisationId,
    operator_type: v.operatorType,
    address: v.address,
    postal_code: v.postalCode,
    city: v.city,
    municipality_code: v.municipalityCode,
    offering_type: v.offeringType,
    primary_legal_basis: v.primaryLegalBasis,
    places: v.places,
    age_min: v.ageMin,
    age_max: v.ageMax,
    status: v.status,
    status_since: v.statusSince,
    socialtilsyn_code: v.socialtilsynCode,
    approval_date: v.approvalDate,
    is_covered: v.isCovered,
    protection: v.protection,
    description: v.description,
    contact_name: v.contactName,
    contact_email: v.contactEmail,
    contact_phone: v.contactPhone,
  };
}

/** Checks every code against the reference tables (valid today). Returns field errors, empty when all is well. */
export async function checkCodes(db: Queryable, v: TOfferingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const d = today();
  const [operator, opType, offType, legal, groups, tilsyn, municipality] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'kind']).where('id', '=', v.operatorOrganisationId).executeTakeFirst(),
    db.selectFrom('operator_type').select('code').where('code', '=', v.operatorType).executeTakeFirst(),
    db.selectFrom('offering_type').select('code').where('code', '=', v.offeringType).executeTakeFirst(),
    db.selectFrom('legal_basis').select(['code', 'valid_from', 'valid_to']).where('code', 'in', [v.primaryLegalBasis, ...v.extraLegalBases]).execute(),
    db.selectFrom('target_group').select(['code', 'valid_from', 'valid_to']).where('code', 'in', v.targetGroups).execute(),
    db.selectFrom('socialtilsyn').select('code').where('code', '=', v.socialtilsynCode).executeTakeFirst(),
    db.selectFrom('municipality').select('code').where('code', '=', v.municipalityCode).executeTakeFirst(),
  ]);
  if (!operator || operator.kind === 'secretariat') addFieldError(errors, 'operatorOrganisationId', 'Ukendt driftsherre.');
  if (!opType) addFieldError(errors, 'operatorType', `Ukendt driftsform "${v.operatorType}".`);
  else if (operator && OPERATOR_TYPES_BY_KIND[operator.kind] && !OPERATOR_TYPES_BY_KIND[operator.kind]!.includes(v.operatorType))
    addFieldError(errors, 'operatorType', `Driftsformen passer ikke med driftsherren (tilladt: ${OPERATOR_TYPES_BY_KIND[operator.kind]!.join(', ')}).`);
  if (!offType) addFieldError(errors, 'offeringType', `Ukendt tilbudstype "${v.offeringType}".`);
  if (!tilsyn) addFieldError(errors, 'socialtilsynCode', `Ukendt socialtilsyn "${v.socialtilsynCode}".`);
  if (!municipality) addFieldError(errors, 'municipalityCode', `Ukendt kommunekode ${v.municipalityCode}.`);
  const legalByCode = new Map(legal.map((l) => [l.code, l]));
  const checkLegal = (code: string, field: string) => {
    const l = legalByCode.get(code);
    if (!l) addFieldError(errors, field, `Ukendt lovgrundlag "${code}".`);
    else if (l.valid_from > d || (l.valid_to && l.valid_to < d)) addFieldError(errors, field, `Lovgrundlaget ${code} gælder ikke i dag (gyldigt ${l.valid_from} til ${l.valid_to ?? '–'}).`);
  };
  checkLegal(v.primaryLegalBasis, 'primaryLegalBasis');
  v.extraLegalBases.forEach((c) => checkLegal(c, 'extraLegalBases'));
  if (v.approvalDate && v.approvalDate > d) addFieldError(errors, 'approvalDate', 'Godkendelsesdatoen kan ikke ligge i fremtiden.');
  const groupCodes = new Set(groups.map((g) => g.code));
  for (const c of v.targetGroups) if (!groupCodes.has(c)) addFieldError(errors, 'targetGroups', `Ukendt målgruppe "${c}".`);
  return errors;
}

async function validateForWrite(db: Queryable, data: unknown): Promise<TOfferingInput> {
  const input = parseInput(ZOfferingInput, data);
  const errors = await checkCodes(db, input);
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  return input;
}

export async function createOffering(db: Db, actor: Actor | null, data: unknown): Promise<number> {
  const a = requireActor(actor);
  if (!canCreateOfferings(a)) throw forbidden('Du kan ikke oprette tilbud.');
  const input = await validateForWrite(db, data);
  if (!(await canEditOffering(db, a, { operatorOrgId: input.operatorOrganisationId, municipalityCode: input.municipalityCode })))
    throw forbidden('Du kan kun oprette tilbud, som din egen organisation driver (sekretariatet: tilbud i eget rammeaftaleområde).');
  return db.transaction().execute(async (trx) => {
    const id = await insertOffering(trx, toRow(input), input.extraLegalBases, input.targetGroups);
    await audit(trx, a, { entity: 'offering', entityId: id, action: 'create', after: input });
    return id;
  });
}

/** Loads an offering the actor may edit, or throws 404/403. */
export async function requireEditable(db: Queryable, actor: Actor | null, id: number): Promise<OfferingDetail> {
  const a = requireActor(actor);
  const existing = await getOffering(db, id);
  if (!existing) throw notFound('Tilbuddet findes ikke.');
  if (!(await canEditOffering(db, a, { operatorOrgId: existing.operator_org_id, municipalityCode: existing.municipality_code })))
    throw forbidden('Du kan kun redigere tilbud, som din egen organisation driver (sekretariatet: tilbud i eget rammeaftaleområde).');
  return existing;
}

/** Partial update: the patch is merged into the current offering and the whole is validated. */
export async function patchOffering(db: Db, actor: Actor | null, id: number, patch: Record<string, unknown>): Promise<void> {
  const existing = await requireEditable(db, actor, id);
  const before = toInput(existing);
  const input = await validateForWrite(db, { ...before, ...patch });
  if (!(await canEditOffering(db, actor, { operatorOrgId: input.operatorOrganisationId, municipalityCode: input.municipalityCode })))
    throw forbidden('Du kan ikke flytte tilbuddet til en driftsherre eller kommune uden for dit ansvar.');
  // Saving an unchanged form writes nothing and logs nothing.
  if (JSON.stringify(before) === JSON.stringify(input)) return;
  await db.transaction().execute(async (trx) => {
    await updateOffering(trx, id, toRow(input), input.extraLegalBases, input.targetGroups);
    await audit(trx, actor, { entity: 'offering', entityId: id, action: 'update', before, after: input });
  });
}

export async function closeOffering(db: Db, actor: Actor | null, id: number, data: unknown): Promise<void> {
  const existing = await requireEditable(db, actor, id);
  const body = parseInput(ZClose, data);
  if (existing.status === 'lukket') throw badRequest('Tilbuddet er allerede lukket.');
  if (body.statusSince < existing.status_since) throw badRequest('Oplysningerne er ikke gyldige.', { statusSince: [`Datoen må ikke ligge før den nuværende status (${formatDate(existing.status_since)}).`] });
  if (body.statusSince > today())
    throw badRequest('Oplysningerne er ikke gyldige.', { statusSince: ['Datoen kan ikke ligge i fremtiden. Registrér ændringen, når den træder i kraft (sæt evt. status "under afvikling" nu).'] });
  const before = toInput(existing);
  const after = { ...before, status: body.status, statusSince: body.statusSince };
  await db.transaction().execute(async (trx) => {
    await updateOffering(trx, id, toRow(after), after.extraLegalBases, after.targetGroups);
    await audit(trx, actor, { entity: 'offering', entityId: id, action: 'update', before, after: { ...after, reason: body.reason } });
  });
}

/** Import: every row validated and access-checked first; then all written in one transaction, or none. */
export async function importOfferings(
  db: Db,
  actor: Actor | null,
  rows: Array<{ line: number; id: number | null; data: Record<string, unknown> }>,
): Promise<{ created: number; updated: number; errors: Array<{ line: number; field: string; message: string }> }> {
  const a = requireActor(actor);
  if (!canCreateOfferings(a)) throw forbidden('Du kan ikke importere tilbud.');
  const errors: Array<{ line: number; field: string; message: string }> = [];
  const valid: Array<{ line: number; id: number | null; input: TOfferingInput; before?: TOfferingInput }> = [];
  const seenNames = new Map<string, number>();
  for (const row of rows) {
    const push = (fe: FieldErrors) => Object.entries(fe).forEach(([field, msgs]) => msgs.forEach((message) => errors.push({ line: row.line, field, message })));
    let before: TOfferingInput | undefined;
    if (row.id !== null) {
      const existing = await getOffering(db, row.id);
      if (!existing) {
        push({ id: [`Tilbud med ID ${row.id} findes ikke.`] });
        continue;
      }
      if (!(await canEditOffering(db, a, { operatorOrgId: existing.operator_org_id, municipalityCode: existing.municipality_code }))) {
        push({ id: ['Du må ikke ændre dette tilbud.'] });
        continue;
      }
      before = toInput(existing);
    }
    // A new row without an operator is run by the importing user's own organisation.
    const ownOperator = !before && row.data.operatorOrganisationId === undefined && a.organisationKind !== 'secretariat' ? { operatorOrganisationId: a.organisationId } : {};
    const merged = { ...(before ?? {}), ...ownOperator, ...row.data };
    const parsed = ZOfferingInput.safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line: row.line, field: issue.path.join('.') || '_', message: issue.message });
      continue;
    }
    const codeErrors = await checkCodes(db, parsed.data);
    if (Object.keys(codeErrors).length) {
      push(codeErrors);
      continue;
    }
    if (!(await canEditOffering(db, a, { operatorOrgId: parsed.data.operatorOrganisationId, municipalityCode: parsed.data.municipalityCode }))) {
      push({ operatorOrganisationId: ['Du må kun importere tilbud, som din organisation driver.'] });
      continue;
    }
    const key = `${parsed.data.name.toLowerCase()}|${parsed.data.address.toLowerCase()}`;
    if (seenNames.has(key)) {
      push({ name: [`Samme tilbud (navn og adresse) står også i række ${seenNames.get(key)}.`] });
      continue;
    }
    seenNames.set(key, row.line);
    valid.push({ line: row.line, id: row.id, input: parsed.data, before });
  }
  if (errors.length) return { created: 0, updated: 0, errors };
  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const v of valid) {
      if (v.id === null) {
        const id = await insertOffering(trx, toRow(v.input), v.input.extraLegalBases, v.input.targetGroups);
        await audit(trx, a, { entity: 'offering', entityId: id, action: 'create', after: { ...v.input, source: 'import' } });
        created++;
      } else {
        await updateOffering(trx, v.id, toRow(v.input), v.input.extraLegalBases, v.input.targetGroups);
        await audit(trx, a, { entity: 'offering', entityId: v.id, action: 'update', before: v.before, after: { ...v.input, source: 'import' } });
        updated++;
      }
    }
  });
  return { created, updated, errors: [] };
}
