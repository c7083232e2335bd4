/**
 * @module The evaluation survey on the activity page (each question's counts on 1–5 with their share, the mean and
 * the share answering 4 or 5, the response rate) and the secretariat's form. No JavaScript: the form posts.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDecimal, formatNumber, formatPercent } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field } from '../../core/web/components.js';
import type { PresentedActivity } from '../activities.service.js';
import type { PresentedSurvey } from '../evaluations.logic.js';
import { MAX_QUESTIONS } from '../evaluations.schema.js';
import { formSlots } from '../evaluations.service.js';
import { SCALE, SCALE_LABELS } from '../evaluations.table.js';
import { one, type FormValues } from './http.js';

const pct = (v: string | null) => (v === null ? '–' : formatPercent(v, 1));

/** "Gennemsnit 4,3 af 5 · 86,0 % svarede 4 eller 5 (62 svar)". */
export const questionLine = (q: PresentedSurvey['questions'][number]) =>
  q.mean === null ? 'Ingen svar' : `Gennemsnit ${formatDecimal(q.mean, 1)} af 5 · ${pct(q.topShare)} svarede 4 eller 5 (${formatNumber(q.answers)} svar)`;

export const SurveyResult = (p: { survey: PresentedSurvey; headingLevel?: 'h3' | 'h4' }) => {
  const s = p.survey;
  const H = p.headingLevel ?? 'h3';
  return (
    <>
      <p>
        {formatNumber(s.respondents)} {s.respondents === 1 ? 'besvarelse' : 'besvarelser'}
        {s.responseRate !== null ? ` (${pct(s.responseRate)} af ${formatNumber(s.participants ?? 0)} deltagere)` : ''}.
      </p>
      {s.questions.map((q) => (
        <section>
          <H>{q.text}</H>
          <p>{questionLine(q)}</p>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>Svar på »{q.text}«</caption>
              <thead>
                <tr>
                  <th scope="col">Svar</th>
                  <th scope="col" class="ramme-num">
                    Antal
                  </th>
                  <th scope="col" class="ramme-num">
                    Andel
                  </th>
                </tr>
              </thead>
              <tbody>
                {SCALE.map((point, i) => (
                  <tr>
                    <th scope="row">{SCALE_LABELS[point]}</th>
                    <td class="ramme-num">{formatNumber(q.counts[i] ?? 0)}</td>
                    <td class="ramme-num">{pct(q.shares[i] ?? null)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">I alt</th>
                  <td class="ramme-num">{formatNumber(q.answers)}</td>
                  <td class="ramme-num">{q.answers ? formatPercent(100, 1) : '–'}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ))}
    </>
  );
};

export const SURVEY_LABELS = (slots: number): Record<string, string> => {
  const out: Record<string, string> = { respondents: 'Besvarelser', version: 'Version' };
  for (let i = 1; i <= slots; i++) {
    out[`q${i}`] = `Spørgsmål ${i}`;
    for (const point of SCALE) out[`q${i}_${point}`] = `Spørgsmål ${i}: antal svar på ${point}`;
  }
  return out;
};

const DEFAULT_QUESTIONS = ['Hvor tilfreds var du med dagen?', 'Hvor relevant var indholdet for dit arbejde?'];

export const SurveyForm = (p: { activity: PresentedActivity; survey: PresentedSurvey | null; csrf: string; values?: FormValues; errors?: FieldErrors }) => {
  const s = p.survey;
  const slots = formSlots(s?.questions.length ?? 0, MAX_QUESTIONS);
  const v = (n: string, fallback: string | number | null | undefined = '') => (p.values ? one(p.values[n]) : fallback === null ? '' : String(fallback));
  const saved = (i: number) => s?.questions[i - 1];
  return (
    <>
      <h1>Evaluering af {p.activity.title}</h1>
      <p>
        Indtast resultatet af deltagernes spørgeskema: antal besvarelser og for hvert spørgsmål, hvor mange der svarede 1, 2, 3, 4 og 5 (1 er lavest, 5 højest).
        Tomme spørgsmål gemmes ikke. Gem uden spørgsmål for at fjerne evalueringen. Et kort notat om udbyttet skrives i aktivitetens felt Evaluering.
      </p>
      <ErrorSummary errors={p.errors} labels={SURVEY_LABELS(slots)} />
      <form method="post" action={`/samarbejde/aktiviteter/${p.activity.id}/evaluering`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={String(s?.version ?? 0)} />
        <Field
          name="respondents"
          label="Besvarelser"
          hint={
            p.activity.participants === null
              ? 'Antal, der svarede på spørgeskemaet'
              : `Antal, der svarede; aktiviteten havde ${formatNumber(p.activity.participants)} deltagere`
          }
          type="number"
          min={0}
          value={v('respondents', s?.respondents)}
          errors={p.errors}
          required
        />
        {Array.from({ length: slots }, (_, k) => k + 1).map((i) => (
          <fieldset>
            <legend class="h4">Spørgsmål {i}</legend>
            <Field
              name={`q${i}`}
              label="Spørgsmål"
              value={v(`q${i}`, saved(i)?.text ?? (s ? '' : DEFAULT_QUESTIONS[i - 1]))}
              errors={p.errors}
              maxlength={300}
            />
            <div class="ramme-filters">
              {SCALE.map((point, c) => (
                <Field
                  name={`q${i}_${point}`}
                  label={`Svar ${SCALE_LABELS[point]}`}
                  type="number"
                  min={0}
                  value={v(`q${i}_${point}`, saved(i)?.counts[c])}
                  errors={p.errors}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <button class="button button-primary" type="submit">
          Gem evalueringen
        </button>
      </form>
    </>
  );
};
