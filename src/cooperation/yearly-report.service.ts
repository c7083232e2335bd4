/**
 * @module An area's yearly report, generated from the data ("Opsamling på rammeaftalen og aktiviteter"): the
 * agreements in force that year with their themes and focus areas, the year's activities with participants and
 * evaluations, the projects running in the year, the central announcements the area answered, and the meetings
 * each body held. Any signed-in user reads it (a reader token too), as the rest of the cooperation.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { badRequest } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { agreementsOfYear } from '../agreements/agreements.public.js';
import { activities } from './activities.repository.js';
import { presentActivity } from './activities.service.js';
import { ACTIVITY_KINDS } from './activities.table.js';
import { areaByCode, areas } from './bodies.repository.js';
import { COOPERATION } from './cooperation.policy.js';
import { presentSurvey } from './evaluations.logic.js';
import { surveysOf } from './evaluations.repository.js';
import { projects } from './projects.repository.js';
import { presentProject } from './projects.service.js';
import { PROJECT_STATUSES } from './projects.table.js';
import * as repo from './yearly-report.repository.js';
import { type TYearlyReport, ZYearlyReportQuery } from './yearly-report.schema.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';

const sum = (xs: ReadonlyArray<number | null>) => xs.reduce<number>((s, n) => s + (n ?? 0), 0);

/** The report of an area and year (the year before this one when none is asked): `GET /api/yearly-report`. */
export async function yearlyReport(ctx: Ctx, query: unknown): Promise<TYearlyReport> {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const q = parseInput(ZYearlyReportQuery, query ?? {});
  const area = q.area ? await areaByCode(ctx.db, q.area) : null;
  if (!area) throw badRequest(INVALID, { area: [q.area ? 'Rammeaftaleområdet findes ikke.' : 'Vælg rammeaftaleområdet.'] });
  const year = q.year ?? Number(ctx.clock.today().slice(0, 4)) - 1;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const [agreements, activityRows, projectRows, announcements, meetings] = await Promise.all([
    agreementsOfYear(ctx, area.id, year),
    activities(ctx.db, { areaId: area.id, year }),
    projects(ctx.db, { areaId: area.id, year }),
    repo.announcementsAnswered(ctx.db, area.id, from, to),
    repo.meetingsHeld(ctx.db, area.id, from, to),
  ]);
  const surveys = new Map(
    (
      await surveysOf(
        ctx.db,
        activityRows.map((a) => a.id),
      )
    ).map((s) => [s.activity_id, s]),
  );
  const rows = activityRows.map((r) => {
    const { version: _v, areaCode: _c, areaName: _n, ...a } = presentActivity(r);
    const s = presentSurvey(surveys.get(r.id) ?? null, r.participants);
    return { ...a, survey: s ? { respondents: s.respondents, responseRate: s.responseRate, questions: s.questions } : null };
  });
  const projectList = projectRows.map((r) => {
    const { version: _v, areaCode: _c, areaName: _n, ...p } = presentProject(r);
    return p;
  });
  const held = meetings.map((m) => ({ id: m.id, name: m.name, held: Number(m.held) }));
  return {
    title: `Opsamling på rammeaftalen og aktiviteter ${year} – ${area.name}`,
    area: { code: area.code, name: area.name },
    year,
    agreements,
    activities: {
      count: rows.length,
      participants: sum(rows.map((a) => a.participants)),
      registrations: sum(rows.map((a) => a.registrations)),
      evaluated: rows.filter((a) => a.survey).length,
      byKind: ACTIVITY_KINDS.map((kind) => ({ kind, count: rows.filter((a) => a.kind === kind).length })).filter((k) => k.count > 0),
      rows,
    },
    projects: {
      count: projectList.length,
      byStatus: PROJECT_STATUSES.map((status) => ({ status, count: projectList.filter((p) => p.status === status).length })).filter((s) => s.count > 0),
      rows: projectList,
    },
    announcements: {
      count: announcements.length,
      rows: announcements.map((a) => ({
        id: a.id,
        title: a.title,
        targetGroup: a.target_group,
        isJoint: a.is_joint,
        issuedOn: a.issued_on,
        deadline: a.deadline,
        sentOn: a.sent_on,
        status: a.status,
      })),
    },
    meetings: { count: sum(held.map((m) => m.held)), bodies: held },
  };
}

/** The report page: the areas to choose from and, once an area is chosen (the actor's own by default), the report. */
export async function yearlyReportPage(ctx: Ctx, query: { area?: string; year?: string }) {
  requireAccess(ctx, 'cooperation.read', COOPERATION);
  const areaCode = query.area || (ctx.actor?.areaIds.length ? ((await areas(ctx.db)).find((a) => a.id === ctx.actor!.areaIds[0])?.code ?? '') : '');
  const report = areaCode ? await yearlyReport(ctx, { area: areaCode, year: query.year }) : null;
  return { report, areas: await areas(ctx.db) };
}
export type YearlyReportPage = Awaited<ReturnType<typeof yearlyReportPage>>;
