/**
 * @module Use cases of the cooperation's activities: the list (API and page, filters area and year), one activity,
 * and the secretariat's writes: record an activity of its area and change it on the version it read (412 when
 * stale). Every change is audited in its transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import * as repo from './activities.repository.js';
import { type TActivityUpdate, ZActivitiesQuery, ZActivityInput, ZActivityUpdate } from './activities.schema.js';
import { areaByCode, areas } from './bodies.repository.js';
import { COOPERATION, type AreaTarget } from './cooperation.policy.js';
import { presentSurvey } from './evaluations.logic.js';
import { findSurvey } from './evaluations.repository.js';
import { versionFrom } from './meetings.service.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const STALE = 'Aktiviteten er ændret af en anden, siden du hentede den. Genindlæs siden, og prøv igen.';

const targetOf = (a: { id: number; name: string }): AreaTarget => ({ areaId: a.id, areaName: a.name });

export function presentActivity(r: repo.ActivityRow) {
  return {
    id: r.id,
    version: r.version,
    areaCode: r.area_code,
    areaName: r.area_name,
    kind: r.kind,
    title: r.title,
    audience: r.audience,
    date: r.starts_on,
    endDate: r.ends_on,
    organisers: r.organisers,
    place: r.place,
    registrations: r.registrations,
    participants: r.participants,
    evaluation: r.evaluation,
    focusArea: r.focus_area_id !== null && r.focus_area_title !== null ? { id: r.focus_area_id, title: r.focus_area_title } : null,
    project: r.project_id !== null && r.project_title !== null ? { id: r.project_id, title: r.project_title } : null,
  };
}
export type PresentedActivity = ReturnType<typeof presentActivity>;

/** Activities by area and year, earliest first: `GET /api/activities`. */
export async function listActivities(ctx: Ctx, query: unknown) {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const q = parseInput(ZActivitiesQuery, query ?? {});
  const area = q.area ? await areaByCode(ctx.db, q.area) : null;
  if (q.area && !area) throw badRequest(INVALID, { area: ['Rammeaftaleområdet findes ikke.'] });
  const rows = await repo.activities(ctx.db, { areaId: area?.id, year: q.year });
  return { query: q, area, activities: rows.map(presentActivity) };
}

/** The activities page: the list, the areas to filter on, and whether the actor may record one in the chosen area. */
export async function activitiesPage(ctx: Ctx, query: unknown) {
  const list = await listActivities(ctx, query);
  return { ...list, areas: await areas(ctx.db), canCreate: list.area ? can(ctx, 'cooperation.activity.edit', targetOf(list.area)) : false };
}

async function loadActivity(ctx: Ctx, id: number) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const row = id > 0 ? await repo.findActivity(ctx.db, id) : null;
  if (!row) throw notFound('Aktiviteten findes ikke.');
  return row;
}

/** One activity with its evaluation survey, and whether the actor may change them. */
export async function activityPage(ctx: Ctx, id: number) {
  const row = await loadActivity(ctx, id);
  return {
    activity: presentActivity(row),
    survey: presentSurvey(await findSurvey(ctx.db, id), row.participants),
    canEdit: can(ctx, 'cooperation.activity.edit', { areaId: row.area_id, areaName: row.area_name }),
  };
}

/** The access check of recording an activity in an area (raw area code from the request). */
export async function authorizeCreate(ctx: Ctx, areaCode: unknown) {
  requireSignedIn(ctx, 'cooperation.read', COOPERATION);
  const area = typeof areaCode === 'string' && areaCode.trim() ? await areaByCode(ctx.db, areaCode.trim()) : null;
  if (!area) {
    // No area named: the check any secretariat passes, then the field's message.
    requireSignedIn(ctx, 'cooperation.activity.edit', { areaId: null, areaName: 'et område' });
    throw badRequest(INVALID, { areaCode: ['Vælg rammeaftaleområdet.'] });
  }
  requireSignedIn(ctx, 'cooperation.activity.edit', targetOf(area));
  return area;
}

/** The access check of changing an activity (the API runs it before validating the body). */
export async function authorizeActivityEdit(ctx: Ctx, id: number) {
  const row = await loadActivity(ctx, id);
  requireSignedIn(ctx, 'cooperation.activity.edit', { areaId: row.area_id, areaName: row.area_name });
  return row;
}

/** The input as table values, after the checks across fields: the last day not before the first, the focus area in the area. */
async function valuesOf(ctx: Ctx, areaId: number, input: Omit<TActivityUpdate, 'version'>): Promise<repo.ActivityValues> {
  if (input.endDate !== null && input.endDate < input.date) throw badRequest(INVALID, { endDate: ['Sidste dag kan ikke ligge før første dag.'] });
  if (input.focusAreaId !== null && !(await repo.focusAreasOfArea(ctx.db, areaId)).some((f) => f.id === input.focusAreaId))
    throw badRequest(INVALID, { focusAreaId: ['Fokusområdet findes ikke i områdets rammeaftaler.'] });
  if (input.projectId !== null && !(await repo.projectsOfArea(ctx.db, areaId)).some((p) => p.id === input.projectId))
    throw badRequest(INVALID, { projectId: ['Projektet findes ikke i området.'] });
  return {
    kind: input.kind,
    title: input.title,
    audience: input.audience,
    starts_on: input.date,
    ends_on: input.endDate,
    organisers: input.organisers,
    place: input.place,
    registrations: input.registrations,
    participants: input.participants,
    evaluation: input.evaluation,
    focus_area_id: input.focusAreaId,
    project_id: input.projectId,
  };
}

const auditActivity = (v: repo.ActivityValues) => ({
  kind: v.kind,
  title: v.title,
  audience: v.audience,
  date: v.starts_on,
  endDate: v.ends_on,
  organisers: v.organisers,
  place: v.place,
  registrations: v.registrations,
  participants: v.participants,
  evaluation: v.evaluation,
  focusAreaId: v.focus_area_id,
  projectId: v.project_id,
});

/** Records an activity of the area. */
export async function createActivity(ctx: Ctx, data: unknown): Promise<number> {
  const area = await authorizeCreate(ctx, ((data ?? {}) as { areaCode?: unknown }).areaCode);
  const { areaCode: _, ...input } = parseInput(ZActivityInput, data);
  const values = await valuesOf(ctx, area.id, input);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertActivity(trx, { ...values, area_id: area.id, created_by: ctx.actor!.username });
    await audit(trx, ctx, { entity: 'coop_activity', entityId: id, action: 'create', after: { areaCode: area.code, ...auditActivity(values) } });
    return id;
  });
}

/** Changes the activity on the version it was read at (412 when another user saved first). */
export async function updateActivity(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  const row = await authorizeActivityEdit(ctx, id);
  const { version: bodyVersion, ...input } = parseInput(ZActivityUpdate, data);
  const version = versionFrom(ifMatch, bodyVersion);
  const values = await valuesOf(ctx, row.area_id, input);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateActivity(trx, id, version, values);
    if (!updated) throw new HttpError(412, STALE);
    const before = {
      kind: row.kind,
      title: row.title,
      audience: row.audience,
      starts_on: row.starts_on,
      ends_on: row.ends_on,
      organisers: row.organisers,
      place: row.place,
      registrations: row.registrations,
      participants: row.participants,
      evaluation: row.evaluation,
      focus_area_id: row.focus_area_id,
      project_id: row.project_id,
    };
    await audit(trx, ctx, { entity: 'coop_activity', entityId: id, action: 'update', before: auditActivity(before), after: auditActivity(values) });
    return updated.version;
  });
}

const choices = async (ctx: Ctx, areaId: number) => {
  const [focusAreas, projects] = await Promise.all([repo.focusAreasOfArea(ctx.db, areaId), repo.projectsOfArea(ctx.db, areaId)]);
  return { focusAreas, projects };
};

/** The form for a new activity of an area: the secretariat's, with the area's focus areas to choose from. */
export async function newActivityForm(ctx: Ctx, areaCode: string) {
  const area = await authorizeCreate(ctx, areaCode);
  return { area, activity: undefined, ...(await choices(ctx, area.id)) };
}

/** The form for changing an activity. */
export async function activityForm(ctx: Ctx, id: number) {
  const row = await authorizeActivityEdit(ctx, id);
  return {
    area: { id: row.area_id, code: row.area_code, name: row.area_name },
    activity: presentActivity(row),
    ...(await choices(ctx, row.area_id)),
  };
}
