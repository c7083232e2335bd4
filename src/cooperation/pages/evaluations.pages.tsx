/**
 * @module Routes of an activity's evaluation survey: the secretariat's form (enter, change, remove). The form's
 * flat fields (`q1`, `q1_1` … `q1_5`) become the API's input; a refused input or a stale version shows the form
 * again with each message on its field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { MAX_QUESTIONS } from '../evaluations.schema.js';
import { saveSurvey, surveyForm } from '../evaluations.service.js';
import { SCALE } from '../evaluations.table.js';
import { SurveyForm } from './evaluations.view.js';
import { HTML, crumbs, formBody, one, pageId, saveOrShowStale, type FormValues } from './http.js';

/** The form's filled-in question slots as the API's input, with the slot number of each (for the messages). */
export function surveyInputOf(b: FormValues) {
  const slots: number[] = [];
  const questions: { text: string; counts: string[] }[] = [];
  for (let i = 1; i <= MAX_QUESTIONS; i++) {
    const text = one(b[`q${i}`]).trim();
    const counts = SCALE.map((point) => one(b[`q${i}_${point}`]).trim());
    if (!text && counts.every((c) => c === '' || c === '0')) continue;
    slots.push(i);
    questions.push({ text, counts: counts.map((c) => c || '0') });
  }
  return { slots, input: { respondents: one(b.respondents), questions, version: one(b.version) } };
}

/** `questions.1.counts.2` → `q3_3` when the second filled slot is the third. */
export function formErrorsOf(errors: FieldErrors, slots: readonly number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = key.match(/^questions\.(\d+)\.(text|counts)(?:\.(\d+))?$/);
    const slot = m ? slots[Number(m[1])] : undefined;
    const name = m && slot ? (m[2] === 'text' ? `q${slot}` : `q${slot}_${Number(m[3] ?? 0) + 1}`) : key;
    (out[name] ??= []).push(...messages);
  }
  return out;
}

async function showForm(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await surveyForm(req.ctx, id);
  return reply.page({
    title: `Evaluering af ${view.activity.title}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [
      ...crumbs,
      { href: '/samarbejde/aktiviteter', label: 'Aktiviteter' },
      { href: `/samarbejde/aktiviteter/${id}`, label: view.activity.title },
      { label: 'Evaluering' },
    ],
    body: <SurveyForm {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

export function evaluationsPages(app: FastifyInstance) {
  app.get('/samarbejde/aktiviteter/:id/evaluering', HTML, (req, reply) => showForm(req, reply, pageId(req)));
  app.post('/samarbejde/aktiviteter/:id/evaluering', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    const { slots, input } = surveyInputOf(b);
    return saveOrShowStale(
      reply,
      async () => {
        try {
          await saveSurvey(req.ctx, id, input);
        } catch (error) {
          if (error instanceof HttpError && error.statusCode === 400) throw new HttpError(400, error.message, formErrorsOf(error.fieldErrors, slots));
          throw error;
        }
        return `/samarbejde/aktiviteter/${id}?gemt=1#evaluering`;
      },
      (errors, status) => showForm(req, reply, id, b, errors, status),
    );
  });
}
