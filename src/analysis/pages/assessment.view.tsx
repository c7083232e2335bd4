/**
 * @module The "redegørelse" pages: a municipality's yearly form (score 1-5 and free text per target group) and the
 * area's compilation per target group with every municipality's answers.
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { formatDateTime, formatNumber } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Select, TextArea } from '../../core/web/components.js';
import type { AssessmentFormView, CompiledAssessmentsView } from '../assessment.service.js';
import { SCORE_LABELS } from '../assessment.schema.js';
import { AnalysisNav, queryOf } from './shared.view.js';

type FormValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const SCORES = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: SCORE_LABELS[n]! }));

export const AssessmentFormPage: FC<{ v: AssessmentFormView; csrf: string; values?: FormValues; errors?: FieldErrors; saved?: boolean }> = ({
  v,
  csrf,
  values,
  errors,
  saved,
}) => {
  const current = new Map(v.answers.map((a) => [a.group_code, a]));
  const val = (n: string, d: string) => (values ? one(values[n]) : d);
  const labels = Object.fromEntries(
    v.groups.flatMap((g) => [
      [`score-${g.code}`, `Vurdering: ${g.name}`],
      [`comment-${g.code}`, `Bemærkning: ${g.name}`],
    ]),
  );
  return (
    <>
      <h1>
        Redegørelse {v.year}: {v.organisation.name}
      </h1>
      <AnalysisNav current="/analyse/redegoerelse/kommune" />
      <p class="font-lead">
        Kommunens vurdering af, hvordan udbuddet af tilbud dækker behovet for hver målgruppe, på en skala fra 1 (slet ikke) til 5 (fuldt ud), med en bemærkning.
        Skriv ikke borgeres navne eller CPR-numre.
      </p>
      {saved && <Alert kind="success" heading="Redegørelsen er gemt." />}
      {v.isLocked && <Alert kind="info" heading={`Redegørelsen for ${v.year} kan ikke længere ændres.`} />}
      {v.updatedAt && (
        <p>
          Senest gemt {formatDateTime(v.updatedAt)} af {v.updatedBy} (version {v.version}).
        </p>
      )}
      <ErrorSummary errors={errors} labels={{ ...labels, version: 'Version', year: 'År' }} />
      <form method="post" action={`/analyse/redegoerelse/kommune?year=${v.year}`} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={val('version', String(v.version))} />
        {v.groups.map((g) => (
          <fieldset>
            <legend class="h3">{g.name}</legend>
            <Select
              name={`score-${g.code}`}
              label="Vurdering"
              emptyLabel="Vælg"
              options={SCORES}
              value={val(`score-${g.code}`, current.has(g.code) ? String(current.get(g.code)!.score) : '')}
              errors={errors}
            />
            <TextArea
              name={`comment-${g.code}`}
              label="Bemærkning"
              hint="Fx hvilke pladser der mangler, ventetider, eller tilbud der er svære at fylde. Højst 2.000 tegn."
              value={val(`comment-${g.code}`, current.get(g.code)?.comment ?? '')}
              maxlength={2000}
              rows={3}
              errors={errors}
            />
          </fieldset>
        ))}
        {!v.isLocked && (
          <button class="button button-primary" type="submit">
            Gem redegørelsen
          </button>
        )}
      </form>
    </>
  );
};

export const CompiledAssessmentsPage: FC<{ v: CompiledAssessmentsView }> = ({ v }) => {
  const answered = v.municipalities.filter((m) => m.version !== null).length;
  return (
    <>
      <h1>
        Redegørelser {v.year}: {v.area.name}
      </h1>
      <AnalysisNav current="/analyse/redegoerelse" />
      <p class="font-lead">Kommunernes vurdering af udbud mod behov pr. målgruppe (1 = dækker slet ikke, 5 = dækker fuldt ud), samlet for området.</p>
      {v.ownOrg !== null && (
        <p>
          <a href={`/analyse/redegoerelse/kommune${queryOf({ year: v.thisYear })}`}>Udfyld eller ret din kommunes redegørelse for {v.thisYear}</a>
        </p>
      )}
      <form method="get" action="/analyse/redegoerelse">
        <Select name="area" label="Rammeaftaleområde" options={v.areas.map((a) => ({ value: a.code, label: a.name }))} value={v.area.code} />
        <Select
          name="year"
          label="År"
          options={[0, 1, 2, 3].map((d) => ({ value: String(v.thisYear - d), label: String(v.thisYear - d) }))}
          value={String(v.year)}
        />
        <button type="submit" class="button button-secondary">
          Vis
        </button>
      </form>
      <p>
        {formatNumber(answered)} af {formatNumber(v.municipalities.length)} kommuner har svaret.
      </p>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact table--zebra" id="samlet">
          <caption>Vurderinger pr. målgruppe</caption>
          <thead>
            <tr>
              <th scope="col">Målgruppe</th>
              <th scope="col" class="ramme-num">
                Svar
              </th>
              <th scope="col" class="ramme-num">
                Gennemsnit
              </th>
              {[1, 2, 3, 4, 5].map((k) => (
                <th scope="col" class="ramme-num">
                  Vurdering {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.groups.map((g) => (
              <tr>
                <th scope="row">
                  <a href={`#gruppe-${g.code}`}>{g.name}</a>
                </th>
                <td class="ramme-num">{formatNumber(g.answered)}</td>
                <td class="ramme-num">{formatNumber(g.mean, 2)}</td>
                {g.counts.map((c) => (
                  <td class="ramme-num">{formatNumber(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/analyse/redegoerelse${queryOf({ area: v.area.code, year: v.year, format: 'xlsx' })}`}>Hent alle svar som Excel</a>
      </p>
      {v.groups.map((g) => (
        <>
          <h2 id={`gruppe-${g.code}`}>{g.name}</h2>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>Kommunernes svar: {g.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col" class="ramme-num">
                    Vurdering
                  </th>
                  <th scope="col">Bemærkning</th>
                </tr>
              </thead>
              <tbody>
                {v.municipalities.map((m) => {
                  const a = m.answers.find((x) => x.group === g.code);
                  return (
                    <tr>
                      <th scope="row">{m.name}</th>
                      <td class="ramme-num">{a ? formatNumber(a.score) : 'Ikke besvaret'}</td>
                      <td>{a?.comment ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ))}
    </>
  );
};
