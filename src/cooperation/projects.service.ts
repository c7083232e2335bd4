/**
 * @module Use cases of the cooperation's projects: the list (API and page, filters area, year and status), one
 * project, and the secretariat's writes: record a project of its area and change it on the version it read (412
 * when stale). Every change is audited in its transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { activities, focusAreasOfArea } from './activities.repository.js';
import { presentActivity } from './activities.service.js';
import { areaByCode, areas } from './bodies.repository.js';
import { COOPERATION } from './cooperation.policy.js';
import { versionFrom } from './meetings.service.js';
import * as repo from './projects.repository.js';
import { type TProjectUpdate, ZProjectInput, ZProjectsQuery, ZProjectUpdate } from './projects.schema.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const STALE = 'Projektet er ændret af en anden, siden du hentede det. Genindlæs siden, og prøv igen.';

export function presentProject(r: repo.ProjectRow) {
  return {
    id: r.id,
    version: r.version,
    areaCode: r.area_code,
    areaName: r.area_name,
    title: r.title,
    purpose: r.purpose,
    owner: r.owner,
    startDate: r.starts_on,
    endDate: r.ends_on,
    status: r.status,
    results: r.results,
    evaluation: r.evaluation,
    focusArea: r.focus_area_id !== null && r.focus_area_title !== null ? { id: r.focus_area_id, title: r.focus_area_title } : null,
  };
}
export type PresentedProject = ReturnType<typeof presentProject>;

/** Projects by area, year and status: `GET /api/projects`. */
export async function listProjects(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const q = parseInput(ZProjectsQuery, query ?? {});
  const area = q.area ? await areaByCode(ctx.db, q.area) : null;
  if (q.area && !area) throw badRequest(INVALID, { area: ['Rammeaftaleområdet findes ikke.'] });
  const rows = await repo.projects(ctx.db, { areaId: area?.id, year: q.year, status: q.status });
  return { query: q, area, projects: rows.map(presentProject) };
}

/** The projects page: the list, the areas to filter on, and whether the actor may record one in the chosen area. */
export async function projectsPage(ctx: Ctx, query: unknown) {
  const list = await listProjects(ctx, query);
  return {
    ...list,
    areas: await areas(ctx.db),
    canCreate: list.area ? can(ctx, 'cooperation.activity.edit', { areaId: list.area.id, areaName: list.area.name }) : false,
  };
}

async function loadProject(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const row = id > 0 ? await repo.findProject(ctx.db, id) : null;
  if (!row) throw notFound('Projektet findes ikke.');
  return row;
}

/** One project, the activities that serve it, and whether the actor may change it. */
export async function projectPage(ctx: Ctx, id: number) {
  const row = await loadProject(ctx, id);
  const served = (await activities(ctx.db, { projectId: id })).map(presentActivity);
  return { project: presentProject(row), activities: served, canEdit: can(ctx, 'cooperation.activity.edit', { areaId: row.area_id, areaName: row.area_name }) };
}

/** The access check of recording a project in an area (raw area code from the request). */
export async function authorizeProjectCreate(ctx: Ctx, areaCode: unknown) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const area = typeof areaCode === 'string' && areaCode.trim() ? await areaByCode(ctx.db, areaCode.trim()) : null;
  if (!area) {
    requireSignedIn(ctx, 'cooperation.activity.edit', { areaId: null, areaName: 'et område' });
    throw badRequest(INVALID, { areaCode: ['Vælg rammeaftaleområdet.'] });
  }
  requireSignedIn(ctx, 'cooperation.activity.edit', { areaId: area.id, areaName: area.name });
  return area;
}

/** The access check of changing a project (the API runs it before validating the body). */
export async function authorizeProjectEdit(ctx: Ctx, id: number) {
  const row = await loadProject(ctx, id);
  requireSignedIn(ctx, 'cooperation.activity.edit', { areaId: row.area_id, areaName: row.area_name });
  return row;
}

async function valuesOf(ctx: Ctx, areaId: number, input: Omit<TProjectUpdate, 'version'>): Promise<repo.ProjectValues> {
  if (input.endDate !== null && input.endDate < input.startDate) throw badRequest(INVALID, { endDate: ['Slutdatoen kan ikke ligge før startdatoen.'] });
  if (input.status === 'afsluttet' && input.endDate === null) throw badRequest(INVALID, { endDate: ['Angiv slutdatoen for et afsluttet projekt.'] });
  if (input.focusAreaId !== null && !(await focusAreasOfArea(ctx.db, areaId)).some((f) => f.id === input.focusAreaId))
    throw badRequest(INVALID, { focusAreaId: ['Fokusområdet findes ikke i områdets rammeaftaler.'] });
  return {
    title: input.title,
    purpose: input.purpose,
    owner: input.owner,
    starts_on: input.startDate,
    ends_on: input.endDate,
    status: input.status,
    results: input.results,
    evaluation: input.evaluation,
    focus_area_id: input.focusAreaId,
  };
}

const auditProject = (v: repo.ProjectValues) => ({
  title: v.title,
  purpose: v.purpose,
  owner: v.owner,
  startDate: v.starts_on,
  endDate: v.ends_on,
  status: v.status,
  results: v.results,
  evaluation: v.evaluation,
  focusAreaId: v.focus_area_id,
});

/** Records a project of the area. */
export async function createProject(ctx: Ctx, data: unknown): Promise<number> {
  const area = await authorizeProjectCreate(ctx, ((data ?? {}) as { areaCode?: unknown }).areaCode);
  const { areaCode: _, ...input } = parseInput(ZProjectInput, data);
  const values = await valuesOf(ctx, area.id, input);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertProject(trx, { ...values, area_id: area.id, created_by: ctx.actor!.username });
    await audit(trx, ctx, { entity: 'coop_project', entityId: id, action: 'create', after: { areaCode: area.code, ...auditProject(values) } });
    return id;
  });
}

/** Changes the project on the version it was read at (412 when another user saved first). */
export async function updateProject(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  const row = await authorizeProjectEdit(ctx, id);
  const { version: bodyVersion, ...input } = parseInput(ZProjectUpdate, data);
  const version = versionFrom(ifMatch, bodyVersion);
  const values = await valuesOf(ctx, row.area_id, input);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateProject(trx, id, version, values);
    if (!updated) throw new HttpError(412, STALE);
    const { id: _id, area_id: _a, area_code: _c, area_name: _n, focus_area_title: _f, version: _v, ...before } = row;
    await audit(trx, ctx, { entity: 'coop_project', entityId: id, action: 'update', before: auditProject(before), after: auditProject(values) });
    return updated.version;
  });
}

/** The form for a new project of an area, with the area's focus areas to choose from. */
export async function newProjectForm(ctx: Ctx, areaCode: string) {
  const area = await authorizeProjectCreate(ctx, areaCode);
  return { area, project: undefined as PresentedProject | undefined, focusAreas: await focusAreasOfArea(ctx.db, area.id) };
}

/** The form for changing a project. */
export async function projectForm(ctx: Ctx, id: number) {
  const row = await authorizeProjectEdit(ctx, id);
  return {
    area: { id: row.area_id, code: row.area_code, name: row.area_name },
    project: presentProject(row) as PresentedProject | undefined,
    focusAreas: await focusAreasOfArea(ctx.db, row.area_id),
  };
}
