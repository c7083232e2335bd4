/**
 * @module Use cases of the activities' evaluation surveys: read an activity's survey (any signed-in user), and the
 * area's secretariat enters or changes it on the version it read (0 for a new one; 412 when stale) or removes it
 * by saving no questions. Every change is audited in its transaction.
 */
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { requireVersionFrom } from '../core/version.js';
import { activityPage, authorizeActivityEdit, presentActivity } from './activities.service.js';
import { overCounted, presentSurvey } from './evaluations.logic.js';
import * as repo from './evaluations.repository.js';
import { ZSurveyInput } from './evaluations.schema.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const STALE = 'Evalueringen er ændret af en anden, siden du hentede den. Genindlæs siden, og prøv igen.';

/** The activity's survey (null: none yet): `GET /api/activities/:id/survey`. */
export async function activitySurvey(ctx: Ctx, id: number) {
  const { activity } = await activityPage(ctx, id);
  return presentSurvey(await repo.findSurvey(ctx.db, id), activity.participants);
}

/** The access check of entering the survey (the API runs it before validating the body). */
export const authorizeSurveyEdit = authorizeActivityEdit;

/** The secretariat's form: the activity and its survey. */
export async function surveyForm(ctx: Ctx, id: number) {
  const row = await authorizeActivityEdit(ctx, id);
  return { activity: presentActivity(row), survey: presentSurvey(await repo.findSurvey(ctx.db, id), row.participants) };
}

const auditShape = (s: { respondents: number; questions: ReadonlyArray<{ text: string; counts: readonly number[] }> }) => ({
  respondents: s.respondents,
  questions: s.questions.map((q) => ({ text: q.text, counts: [...q.counts] })),
});

/**
 * Enters or changes the survey on the version it builds on (0: a new one); no questions removes it. Returns the
 * survey's new version (0 once removed).
 */
export async function saveSurvey(ctx: Ctx, id: number, data: unknown, ifMatch?: string): Promise<number> {
  await authorizeActivityEdit(ctx, id);
  const input = parseInput(ZSurveyInput, data);
  const version = requireVersionFrom(ifMatch, input.version);
  const over = overCounted(input.respondents, input.questions);
  if (over.length)
    throw badRequest(
      INVALID,
      Object.fromEntries(over.map((i) => [`questions.${i}.counts`, ['Der er flere svar på spørgsmålet end besvarelser af spørgeskemaet.']])),
    );
  const after = auditShape(input);
  const by = ctx.actor!.username;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findSurvey(trx, id);
    const before = current ? auditShape(current) : undefined;
    if (!input.questions.length) {
      if (!current) {
        if (version !== 0) throw new HttpError(412, STALE);
        return 0;
      }
      if (!(await repo.deleteSurvey(trx, id, version))) throw new HttpError(412, STALE);
      await audit(trx, ctx, { entity: 'coop_activity_survey', entityId: id, action: 'delete', before });
      return 0;
    }
    const saved =
      version === 0
        ? await repo.insertSurvey(trx, { activity_id: id, respondents: input.respondents, updated_by: by })
        : await repo.updateSurvey(trx, id, version, { respondents: input.respondents, updated_by: by });
    if (!saved) throw new HttpError(412, STALE);
    await repo.replaceSurveyQuestions(trx, id, input.questions);
    await audit(trx, ctx, { entity: 'coop_activity_survey', entityId: id, action: current ? 'update' : 'create', before, after });
    return saved.version;
  });
}

/** The survey's number of questions to offer in the form: the saved ones and two empty, at most the schema's cap. */
export const formSlots = (saved: number, max: number) => Math.min(max, Math.max(3, saved + 2));
