/**
 * @module The municipalities' yearly assessment of supply against need per target group ("redegørelse"): the
 * municipality fills in a score 1-5 and free text per target group for the current year (only its own, by a user
 * who acts for it; versioned with If-Match or `version`, audited), and the area's secretariat and members see the
 * answers compiled per target group. Earlier years are read-only.
 */
import { requireAccess } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError, notFound } from '../core/errors.js';
import { fieldErrorsFrom, parseInput } from '../core/validation.js';
import { areaIdsOfOrganisation, membersOfArea } from '../reference/reference.public.js';
import { groups } from './analysis.repository.js';
import * as repo from './assessment.repository.js';
import { ZAssessmentInput, ZAssessmentQuery } from './assessment.schema.js';
import { capacityArea } from './capacity.service.js';
import { Dec } from './decimal.js';
import './analysis.policy.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
const STALE = 'En anden har ændret redegørelsen, siden du hentede den. Genindlæs siden, og prøv igen.';

/** The version a write builds on: `If-Match: "3"` (or W/"3") or the body's `version`. */
function versionFrom(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const m = ifMatch?.match(/^(?:W\/)?"?(\d{1,10})"?$/);
  const v = m ? Number(m[1]) : bodyVersion;
  if (v === undefined) throw badRequest(INVALID, { version: ['Angiv den version, ændringen bygger på (If-Match eller version; 0 for den første).'] });
  return v;
}

/** Parses the input; errors on one answer are named by the form's field for it (`score-<group>`, `comment-<group>`). */
function parseAssessment(data: unknown) {
  const parsed = ZAssessmentInput.safeParse(data);
  if (parsed.success) return parsed.data;
  const raw = (data as { answers?: { group?: unknown }[] } | null)?.answers;
  const errors = fieldErrorsFrom(parsed.error);
  const named: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = key.match(/^answers\.(\d+)\.(score|comment)$/);
    const group = m && Array.isArray(raw) ? raw[Number(m[1])]?.group : undefined;
    named[m && typeof group === 'string' ? `${m[2]}-${group}` : key] = messages;
  }
  throw badRequest(INVALID, named);
}

/** The municipality, its area today, and the access target. */
async function loadMunicipality(ctx: Ctx, organisationId: number) {
  const today = ctx.clock.today();
  const [areaId] = await areaIdsOfOrganisation(ctx.db, organisationId, today);
  const members = areaId === undefined ? [] : await membersOfArea(ctx.db, areaId, today);
  const org = members.find((m) => m.id === organisationId);
  if (!org || areaId === undefined) throw notFound('Kommunen findes ikke i et rammeaftaleområde.');
  return { org, areaId, target: { organisationId, organisationName: org.name, isMunicipality: org.kind === 'municipality' } };
}

/** The access check of a save on its own (the API runs it before validating the body). */
export async function authorizeAssessment(ctx: Ctx, organisationId: number): Promise<void> {
  const { target } = await loadMunicipality(ctx, organisationId);
  requireAccess(ctx, 'analysis.assess', target);
}

/** The form of the actor's own municipality for a year (default: this year). */
export async function assessmentForm(ctx: Ctx, organisationId: number, year: number | undefined) {
  const { org, areaId, target } = await loadMunicipality(ctx, organisationId);
  requireAccess(ctx, 'analysis.assess', target);
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  const y = year ?? thisYear;
  const [allGroups, [existing]] = await Promise.all([groups(ctx.db), repo.assessments(ctx.db, { organisationId, year: y })]);
  return {
    organisation: { id: org.id, name: org.name },
    areaId,
    year: y,
    isLocked: y !== thisYear,
    version: existing?.version ?? 0,
    updatedAt: existing?.updated_at ?? null,
    updatedBy: existing?.updated_by ?? null,
    groups: allGroups.map((g) => ({ code: g.code, name: g.name })),
    answers: existing?.answers ?? [],
  };
}
export type AssessmentFormView = Awaited<ReturnType<typeof assessmentForm>>;

/** Saves the municipality's assessment for this year on the version read (0: the first); returns the new version. */
export async function saveAssessment(ctx: Ctx, organisationId: number, year: number, data: unknown, ifMatch?: string): Promise<number> {
  const { areaId, target } = await loadMunicipality(ctx, organisationId);
  requireAccess(ctx, 'analysis.assess', target);
  const input = parseAssessment(data);
  const version = versionFrom(ifMatch, input.version);
  if (year !== Number(ctx.clock.today().slice(0, 4))) throw badRequest(INVALID, { year: [`Redegørelsen for ${year} kan ikke længere ændres; kun årets kan.`] });
  const allGroups = await groups(ctx.db);
  const errors: Record<string, string[]> = {};
  for (const a of input.answers) if (!allGroups.some((g) => g.code === a.group)) errors[`score-${a.group}`] = ['Målgruppen findes ikke.'];
  for (const g of allGroups) if (!input.answers.some((a) => a.group === g.code)) errors[`score-${g.code}`] = [`Vælg en vurdering fra 1 til 5 for ${g.name}.`];
  if (new Set(input.answers.map((a) => a.group)).size !== input.answers.length) errors.answers = ['En målgruppe er besvaret mere end én gang.'];
  if (Object.keys(errors).length) throw badRequest(INVALID, errors);
  const answers = input.answers.map((a) => ({ group: a.group, score: a.score, comment: a.comment ?? null }));
  return ctx.db.transaction().execute(async (trx) => {
    const [existing] = await repo.assessments(trx, { organisationId, year });
    let id: number;
    let newVersion: number;
    if (!existing) {
      if (version !== 0) throw new HttpError(412, STALE);
      id = await repo.insertAssessment(trx, { area_id: areaId, organisation_id: organisationId, year, updated_by: ctx.actor!.username });
      newVersion = 1;
    } else {
      const bumped = await repo.bumpAssessment(trx, existing.id, version, ctx.actor!.username);
      if (!bumped) throw new HttpError(412, STALE);
      id = existing.id;
      newVersion = bumped.version;
    }
    await repo.replaceAnswers(trx, id, answers);
    await audit(trx, ctx, {
      entity: 'capacity_assessment',
      entityId: id,
      action: existing ? 'update' : 'create',
      before: existing
        ? { organisationId, year, answers: existing.answers.map((a) => ({ group: a.group_code, score: a.score, comment: a.comment })) }
        : undefined,
      after: { organisationId, year, answers },
    });
    return newVersion;
  });
}

/** The area's assessments for a year (default: this year), compiled per target group. */
export async function compiledAssessments(ctx: Ctx, query: unknown) {
  const q = parseInput(ZAssessmentQuery, query ?? {});
  const a = await capacityArea(ctx, q.area);
  requireAccess(ctx, 'analysis.capacity', { areaId: a.area.id, areaName: a.area.name });
  const year = q.year ?? Number(a.today.slice(0, 4));
  const [allGroups, members, rows] = await Promise.all([
    groups(ctx.db),
    membersOfArea(ctx.db, a.area.id, a.today),
    repo.assessments(ctx.db, { areaId: a.area.id, year }),
  ]);
  const byOrg = new Map(rows.map((r) => [r.organisation_id, r]));
  const municipalities = members
    .filter((m) => m.kind === 'municipality')
    .map((m) => {
      const r = byOrg.get(m.id);
      return {
        organisationId: m.id,
        name: m.name,
        version: r?.version ?? null,
        updatedAt: r?.updated_at.toISOString() ?? null,
        answers: (r?.answers ?? []).map((x) => ({ group: x.group_code, score: x.score, comment: x.comment })),
      };
    });
  const compiled = allGroups.map((g) => {
    const scores = municipalities.flatMap((m) => m.answers.filter((x) => x.group === g.code).map((x) => x.score));
    return {
      code: g.code,
      name: g.name,
      answered: scores.length,
      mean: scores.length ? new Dec(scores.reduce((s, x) => s + x, 0)).div(scores.length).toFixed(2) : null,
      counts: [1, 2, 3, 4, 5].map((k) => scores.filter((s) => s === k).length),
    };
  });
  const ownOrg = ctx.actor && municipalities.some((m) => m.organisationId === ctx.actor!.organisationId) ? ctx.actor.organisationId : null;
  return {
    area: { code: a.area.code, name: a.area.name },
    areas: a.areas,
    year,
    groups: compiled,
    municipalities,
    ownOrg,
    thisYear: Number(a.today.slice(0, 4)),
  };
}
export type CompiledAssessmentsView = Awaited<ReturnType<typeof compiledAssessments>>;
