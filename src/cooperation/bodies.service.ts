/**
 * @module Use cases of the cooperation's bodies: the list (API and page, with the organisation chart of the
 * version in force), one body with its mandates and members, creating bodies, adding and ending members, new
 * mandates, and the organisation's versions: drafting a proposal from today's and comparing the two.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import * as repo from './bodies.repository.js';
import { compare, outline, type ChartNode } from './chart.js';
import { COOPERATION, type AreaTarget } from './cooperation.policy.js';
import { ZBodiesQuery, ZBodyInput, ZMandateInput, ZMemberEndInput, ZMemberInput, ZPlacementsInput, ZProposalInput } from './cooperation.schema.js';
import { BODY_KIND_LABELS, MEMBER_ROLE_LABELS, type BodyKind } from './cooperation.table.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const NATIONAL = 'De nationale organer';

export const areaTarget = (b: { area_id: number | null; area_name: string | null }): AreaTarget => ({ areaId: b.area_id, areaName: b.area_name ?? NATIONAL });

/** The area named by its code; a code that names none is a 400 on the field. */
async function areaOf(db: Queryable, code: string | null | undefined, field = 'area') {
  if (!code) return null;
  const area = await repo.areaByCode(db, code);
  if (!area) throw badRequest(INVALID, { [field]: ['Rammeaftaleområdet findes ikke.'] });
  return area;
}

const nodeOf = (b: { id: number; name: string; kind: BodyKind; reports_to_id: number | null }): ChartNode => ({
  id: b.id,
  name: b.name,
  kindLabel: BODY_KIND_LABELS[b.kind],
  reportsToId: b.reports_to_id,
});

/** The bodies valid on a date with their mandate, members and superior: `GET /api/bodies` and the page. */
export async function listBodies(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const q = parseInput(ZBodiesQuery, query ?? {});
  const date = q.date ?? ctx.clock.today();
  const area = await areaOf(ctx.db, q.area);
  const rows = await repo.bodies(ctx.db, area?.id);
  const ids = rows.map((b) => b.id);
  const [mandates, members] = await Promise.all([repo.mandatesOn(ctx.db, ids, date), repo.members(ctx.db, ids, date)]);
  return {
    date,
    area,
    bodies: rows.map((b) => ({ ...b, mandate: mandates.get(b.id) ?? null, members: members.filter((m) => m.body_id === b.id) })),
  };
}
export type BodyList = Awaited<ReturnType<typeof listBodies>>;

/** The bodies page: the list, the areas to choose from, the chart of the version in force and its versions. */
export async function bodiesPage(ctx: Ctx, query: unknown) {
  const list = await listBodies(ctx, query);
  const area = list.area;
  const currentId = area ? await repo.currentStructureId(ctx.db, area.id) : null;
  return {
    ...list,
    areas: await repo.areas(ctx.db),
    chart: currentId ? (await repo.placements(ctx.db, currentId)).map(nodeOf) : [],
    structures: area ? await repo.structures(ctx.db, area.id) : [],
    canEdit: area ? can(ctx, 'cooperation.edit', { areaId: area.id, areaName: area.name }) : false,
  };
}

export function presentBody(b: BodyList['bodies'][number]) {
  return {
    id: b.id,
    areaCode: b.area_code,
    areaName: b.area_name ?? NATIONAL,
    kind: b.kind,
    kindLabel: BODY_KIND_LABELS[b.kind],
    name: b.name,
    description: b.description,
    reportsTo: b.reports_to_id !== null && b.reports_to_name ? { id: b.reports_to_id, name: b.reports_to_name } : null,
    mandate: b.mandate ? { text: b.mandate.text, approvedBy: b.mandate.approved_by, validFrom: b.mandate.valid_from, validTo: b.mandate.valid_to } : null,
    members: b.members.map(presentMember),
  };
}

export const presentMember = (m: Awaited<ReturnType<typeof repo.members>>[number]) => ({
  id: m.id,
  personName: m.person_name,
  organisationId: m.organisation_id,
  organisationName: m.organisation_name,
  role: m.role,
  roleLabel: MEMBER_ROLE_LABELS[m.role],
  validFrom: m.valid_from,
  validTo: m.valid_to,
});

async function loadBody(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const body = id > 0 ? await repo.findBody(ctx.db, id) : null;
  if (!body) throw notFound('Organet findes ikke.');
  return body;
}

/** One body: its mandates, every membership (current and past), and what the secretariat may choose from. */
export async function bodyPage(ctx: Ctx, id: number) {
  const body = await loadBody(ctx, id);
  const today = ctx.clock.today();
  const [mandates, members, organisations, siblings] = await Promise.all([
    repo.mandates(ctx.db, id),
    repo.members(ctx.db, [id]),
    repo.memberOrganisations(ctx.db, body.area_id, today),
    repo.bodies(ctx.db, body.area_id),
  ]);
  return {
    body,
    today,
    mandates,
    members: members.map((m) => ({ ...m, isCurrent: m.valid_from <= today && (m.valid_to === null || m.valid_to >= today) })),
    organisations,
    siblings: siblings.filter((b) => b.id !== id),
    canEdit: can(ctx, 'cooperation.edit', areaTarget(body)),
  };
}

/** The access check of changing a body on its own (the API runs it before validating the body). */
export async function authorizeBodyEdit(ctx: Ctx, id: number): Promise<void> {
  const body = await loadBody(ctx, id);
  requireSignedIn(ctx, 'cooperation.edit', areaTarget(body));
}

/** The access check of creating a body in an area (raw area code from the request). */
export async function authorizeCreate(ctx: Ctx, areaCode: unknown): Promise<void> {
  const area = typeof areaCode === 'string' && areaCode ? await repo.areaByCode(ctx.db, areaCode) : null;
  requireSignedIn(ctx, 'cooperation.edit', area ? { areaId: area.id, areaName: area.name } : { areaId: null, areaName: NATIONAL });
}

/** A new body, placed in the version in force (or the given proposal) under its superior. */
export async function createBody(ctx: Ctx, data: unknown): Promise<number> {
  const raw = (data ?? {}) as { areaCode?: unknown };
  await authorizeCreate(ctx, raw.areaCode);
  const actor = ctx.actor!;
  const input = parseInput(ZBodyInput, data);
  const area = await areaOf(ctx.db, input.areaCode, 'areaCode');
  if (await repo.bodyNameTaken(ctx.db, area?.id ?? null, input.name)) throw badRequest(INVALID, { name: ['Der findes allerede et organ med det navn.'] });
  return ctx.db.transaction().execute(async (trx) => {
    let structureId: number | null = null;
    if (area) {
      if (input.structureId) {
        const s = await repo.findStructure(trx, input.structureId);
        if (!s || s.area_id !== area.id) throw badRequest(INVALID, { structureId: ['Organiseringen hører ikke til området.'] });
        structureId = s.id;
      } else
        structureId =
          (await repo.currentStructureId(trx, area.id)) ??
          (await repo.insertStructure(trx, {
            area_id: area.id,
            title: `Organisering af ${area.name}`,
            status: 'gaeldende',
            note: null,
            based_on_id: null,
            created_by: actor.username,
          }));
      if (input.reportsToId) {
        const placed = await repo.placements(trx, structureId);
        if (!placed.some((p) => p.id === input.reportsToId)) throw badRequest(INVALID, { reportsToId: ['Vælg et organ i samme organisering.'] });
      }
    } else if (input.reportsToId) throw badRequest(INVALID, { reportsToId: ['Et nationalt organ rapporterer ikke til et organ i et område.'] });
    const id = await repo.insertBody(trx, {
      area_id: area?.id ?? null,
      kind: input.kind,
      name: input.name,
      description: input.description,
      created_by: actor.username,
    });
    if (structureId) await repo.setPlacement(trx, structureId, id, input.reportsToId ?? null);
    await audit(trx, ctx, {
      entity: 'coop_body',
      entityId: id,
      action: 'create',
      after: {
        areaCode: area?.code ?? null,
        kind: input.kind,
        name: input.name,
        description: input.description,
        reportsToId: input.reportsToId ?? null,
        structureId,
      },
    });
    return id;
  });
}

/** A new membership of a body. */
export async function addMember(ctx: Ctx, bodyId: number, data: unknown): Promise<number> {
  const body = await loadBody(ctx, bodyId);
  requireSignedIn(ctx, 'cooperation.edit', areaTarget(body));
  const input = parseInput(ZMemberInput, data);
  if (!input.organisationId && !input.organisationText)
    throw badRequest(INVALID, { organisationId: ['Vælg organisationen, eller skriv en anden organisation.'] });
  if (input.organisationId) {
    const orgs = await repo.memberOrganisations(ctx.db, body.area_id, input.validFrom);
    if (!orgs.some((o) => o.id === input.organisationId)) throw badRequest(INVALID, { organisationId: ['Organisationen er ikke med i området på datoen.'] });
  }
  if (input.validTo && input.validTo < input.validFrom) throw badRequest(INVALID, { validTo: ['Slutdatoen skal ligge efter startdatoen.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      body_id: bodyId,
      person_name: input.personName,
      organisation_id: input.organisationId ?? null,
      organisation_text: input.organisationId ? null : input.organisationText,
      role: input.role,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    };
    const id = await repo.insertMember(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_member',
      entityId: id,
      action: 'create',
      after: {
        bodyId,
        personName: row.person_name,
        organisationId: row.organisation_id,
        organisationText: row.organisation_text,
        role: row.role,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      },
    });
    return id;
  });
}

/** Ends a membership on a date; 409 when it has already ended. */
export async function endMembership(ctx: Ctx, memberId: number, data: unknown) {
  const member = memberId > 0 ? await repo.findMember(ctx.db, memberId) : null;
  const body = await loadBody(ctx, member?.body_id ?? 0);
  requireSignedIn(ctx, 'cooperation.edit', areaTarget(body));
  const input = parseInput(ZMemberEndInput, data);
  if (input.validTo < member!.valid_from) throw badRequest(INVALID, { validTo: ['Slutdatoen skal ligge efter startdatoen.'] });
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.endMember(trx, memberId, input.validTo))) throw conflict('Medlemskabet er allerede afsluttet. Genindlæs siden.');
    await audit(trx, ctx, { entity: 'coop_member', entityId: memberId, action: 'update', before: { validTo: null }, after: { validTo: input.validTo } });
    return body.id;
  });
}

/** A new mandate (kommissorium); the open one before it ends the day before. */
export async function addMandate(ctx: Ctx, bodyId: number, data: unknown): Promise<number> {
  const body = await loadBody(ctx, bodyId);
  requireSignedIn(ctx, 'cooperation.edit', areaTarget(body));
  const input = parseInput(ZMandateInput, data);
  if (input.validTo && input.validTo < input.validFrom) throw badRequest(INVALID, { validTo: ['Slutdatoen skal ligge efter startdatoen.'] });
  return ctx.db.transaction().execute(async (trx) => {
    await repo.closeOpenMandates(trx, bodyId, addDays(input.validFrom, -1));
    const row = { body_id: bodyId, text: input.text, approved_by: input.approvedBy, valid_from: input.validFrom, valid_to: input.validTo ?? null };
    const id = await repo.insertMandate(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_mandate',
      entityId: id,
      action: 'create',
      after: { bodyId, text: row.text, approvedBy: row.approved_by, validFrom: row.valid_from, validTo: row.valid_to },
    });
    return id;
  });
}

// Organisation versions --------------------------------------------------------------------------------

async function loadStructure(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const s = id > 0 ? await repo.findStructure(ctx.db, id) : null;
  if (!s) throw notFound('Organiseringen findes ikke.');
  return s;
}

/** One version with its chart; a proposal also with what it changes against the version in force. */
export async function structurePage(ctx: Ctx, id: number) {
  const s = await loadStructure(ctx, id);
  const nodes = (await repo.placements(ctx.db, id)).map(nodeOf);
  const currentId = s.status === 'forslag' ? await repo.currentStructureId(ctx.db, s.area_id) : null;
  const current = currentId ? (await repo.placements(ctx.db, currentId)).map(nodeOf) : [];
  return {
    structure: s,
    nodes,
    current,
    comparison: currentId ? compare(current, nodes) : null,
    areaBodies: await repo.bodies(ctx.db, s.area_id),
    canEdit: can(ctx, 'cooperation.edit', { areaId: s.area_id, areaName: s.area_name }),
  };
}

export function presentStructure(p: Awaited<ReturnType<typeof structurePage>>) {
  return {
    id: p.structure.id,
    areaCode: p.structure.area_code,
    title: p.structure.title,
    status: p.structure.status,
    note: p.structure.note,
    bodies: p.nodes.map((n) => ({ bodyId: n.id, name: n.name, reportsToId: n.reportsToId })),
  };
}

/** The access check of drafting a proposal in an area (raw area code from the request). */
export const authorizeProposal = authorizeCreate;

/** A proposal drafted as a new version: a copy of the version in force, to change and compare. */
export async function createProposal(ctx: Ctx, data: unknown): Promise<number> {
  const raw = (data ?? {}) as { areaCode?: unknown };
  await authorizeCreate(ctx, typeof raw.areaCode === 'string' && raw.areaCode ? raw.areaCode : '-');
  const input = parseInput(ZProposalInput, data);
  const area = (await areaOf(ctx.db, input.areaCode, 'areaCode'))!;
  return ctx.db.transaction().execute(async (trx) => {
    const currentId = await repo.currentStructureId(trx, area.id);
    const id = await repo.insertStructure(trx, {
      area_id: area.id,
      title: input.title,
      status: 'forslag',
      note: input.note,
      based_on_id: currentId,
      created_by: ctx.actor!.username,
    });
    if (currentId) await repo.copyPlacements(trx, currentId, id);
    await audit(trx, ctx, {
      entity: 'coop_structure',
      entityId: id,
      action: 'create',
      after: { areaCode: area.code, title: input.title, status: 'forslag', note: input.note, basedOnId: currentId },
    });
    return id;
  });
}

/** The access check of changing a version on its own. */
export async function authorizeStructureEdit(ctx: Ctx, id: number): Promise<void> {
  const s = await loadStructure(ctx, id);
  requireSignedIn(ctx, 'cooperation.edit', { areaId: s.area_id, areaName: s.area_name });
}

/** Which bodies a version holds and whom each reports to; refuses superiors outside it and loops. */
export async function savePlacements(ctx: Ctx, id: number, data: unknown) {
  const s = await loadStructure(ctx, id);
  requireSignedIn(ctx, 'cooperation.edit', { areaId: s.area_id, areaName: s.area_name });
  const input = parseInput(ZPlacementsInput, data);
  const areaBodies = new Map((await repo.bodies(ctx.db, s.area_id)).map((b) => [b.id, b]));
  const included = input.placements.filter((p) => p.isIncluded);
  const ids = new Set(included.map((p) => p.bodyId));
  for (const p of input.placements) if (!areaBodies.has(p.bodyId)) throw badRequest(INVALID, { placements: ['Et af organerne hører ikke til området.'] });
  for (const p of included) {
    if (p.reportsToId !== null && !ids.has(p.reportsToId))
      throw badRequest(INVALID, { [`reportsTo-${p.bodyId}`]: ['Organet kan kun rapportere til et organ, der er med i organiseringen.'] });
  }
  const nodes = included.map((p) => ({ id: p.bodyId, name: '', kindLabel: '', reportsToId: p.reportsToId }));
  // A body that reports to someone in the version but comes out as a root is part of a ring.
  const roots = new Set(outline(nodes).map((r) => r.id));
  const looped = nodes.find((n) => n.reportsToId !== null && roots.has(n.id));
  if (looped) throw badRequest(INVALID, { [`reportsTo-${looped.id}`]: ['Organerne kan ikke rapportere til hinanden i ring.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.placements(trx, id);
    await repo.replacePlacements(trx, id, included);
    await audit(trx, ctx, {
      entity: 'coop_structure',
      entityId: id,
      action: 'update',
      before: { bodies: before.map((b) => ({ bodyId: b.id, reportsToId: b.reports_to_id })) },
      after: { bodies: included.map((b) => ({ bodyId: b.bodyId, reportsToId: b.reportsToId })) },
    });
    return id;
  });
}

/** The form for a new body in an area (no code: a national body). */
export async function newBodyForm(ctx: Ctx, areaCode: string) {
  await authorizeCreate(ctx, areaCode);
  const area = areaCode ? await repo.areaByCode(ctx.db, areaCode) : null;
  const currentId = area ? await repo.currentStructureId(ctx.db, area.id) : null;
  return { area, bodies: currentId ? await repo.placements(ctx.db, currentId) : [] };
}

/** The area the bodies page opens on: the one asked for, else the actor's own. */
export async function defaultAreaCode(ctx: Ctx, asked: string): Promise<string> {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  if (asked || !ctx.actor?.areaIds.length) return asked;
  return (await repo.areaById(ctx.db, ctx.actor.areaIds[0]!))?.code ?? '';
}

/** The cooperation's front page: any signed-in user. */
export async function cooperationFront(ctx: Ctx) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  return {};
}

/** The access check of ending a membership on its own (the API runs it before validating the body). */
export async function authorizeMemberEdit(ctx: Ctx, memberId: number): Promise<void> {
  const member = memberId > 0 ? await repo.findMember(ctx.db, memberId) : null;
  await authorizeBodyEdit(ctx, member?.body_id ?? 0);
}
