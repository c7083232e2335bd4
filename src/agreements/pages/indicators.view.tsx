/**
 * @module Indicator pages: the value for the area and each member with the rows behind it (computed indicators),
 * the measurements series, the form to define an indicator and the form to record a measurement. View models
 * come from indicator.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { formatDate } from '../../core/format.js';
import { CsrfField, DescriptionList, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { IndicatorWithLatest } from '../agreements.service.js';
import type { IndicatorForm, IndicatorView } from '../indicator.service.js';
import { indicatorProgress } from '../logic.js';
import { SubNav, Styles, Tag, agreementUrl, blankForm, crumbs, str, value, type FormState } from './shared.js';

/** Progress states: label and tone. */
export const PROGRESS: Record<string, [string, string]> = {
  naaet: ['Mål nået', 'ok'],
  paa_vej: ['På vej', 'warn'],
  tilbage: ['Længere fra målet', 'bad'],
  ingen_maaling: ['Ingen måling', 'none'],
  ingen_maal: ['Intet mål', 'neutral'],
};

/** One indicator in a list: baseline, target, latest value and progress. */
export const IndicatorLine = ({ agreementId, i, link = true }: { agreementId: number; i: IndicatorWithLatest; link?: boolean }) => {
  const p = indicatorProgress(i.direction, i.baseline_value, i.target_value, i.latest?.value ?? null);
  const [label, tone] = PROGRESS[p.state]!;
  return (
    <li>
      {link ? <a href={agreementUrl(agreementId, `/indikatorer/${i.id}`)}>{i.name}</a> : i.name}: udgangspunkt {value(i.baseline_value, i.unit)}, mål{' '}
      {value(i.target_value, i.unit)}
      {i.target_date ? ` (${formatDate(i.target_date)})` : ''}, seneste{' '}
      {i.latest ? `${value(i.latest.value, i.unit)} (${formatDate(i.latest.measured_on)})` : i.source !== 'manual' ? 'beregnes' : '–'}{' '}
      <Tag tone={tone}>{label}</Tag>
      {i.source !== 'manual' && ' · beregnet af Ramme'}
    </li>
  );
};

const LABELS: Record<string, string> = {
  objectiveId: 'Målsætning',
  name: 'Navn',
  definition: 'Definition',
  unit: 'Enhed',
  direction: 'Retning',
  baselineValue: 'Udgangspunkt, værdi',
  baselineDate: 'Udgangspunkt, dato',
  targetValue: 'Mål, værdi',
  targetDate: 'Mål, dato',
  source: 'Kilde',
  measuredOn: 'Dato',
  value: 'Værdi',
  organisationId: 'Gælder',
  note: 'Note',
};

/** The form's values from a stored indicator. */
export const indicatorValuesOf = (i: NonNullable<IndicatorForm['indicator']>) => ({
  objectiveId: i.objective_id,
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  direction: i.direction,
  baselineValue: i.baseline_value,
  baselineDate: i.baseline_date,
  targetValue: i.target_value,
  targetDate: i.target_date,
  source: i.source,
  version: i.version,
});

export function indicatorFormPage(vm: IndicatorForm, csrf: string, action: string, heading: string, form: FormState): PageOptions {
  const { agreement: a } = vm;
  const v = form.values;
  const errors = form.errors;
  const sources = [
    { value: 'manual', label: 'Manuel indtastning af målinger' },
    ...vm.computations.map((c) => ({ value: c.code, label: `Beregnes af Ramme: ${c.name}` })),
  ];
  return {
    title: heading,
    status: errors ? (form.status ?? 400) : undefined,
    breadcrumbs: crumbs(a, heading, { href: agreementUrl(a.id, '/indhold'), label: 'Indhold' }),
    body: (
      <>
        <h1>{heading}</h1>
        <ErrorSummary errors={errors} labels={LABELS} />
        <form method="post" action={action} class="col-12 col-lg-8" style="padding:0">
          <CsrfField token={csrf} />
          {vm.indicator && <input type="hidden" name="version" value={str(v.version)} />}
          <Select
            name="objectiveId"
            label="Målsætning"
            value={str(v.objectiveId)}
            emptyLabel="Ingen (fx en indikator til et tilsagn)"
            options={vm.objectives.map((o) => ({ value: String(o.id), label: `${o.fa}.${o.number} ${o.title}` }))}
            errors={errors}
          />
          <Field name="name" label="Navn" value={str(v.name)} errors={errors} required maxlength={300} />
          <TextArea name="definition" label="Definition" value={str(v.definition)} errors={errors} maxlength={4000} hint="Hvad tælles, og hvordan." />
          <Field name="unit" label="Enhed" value={str(v.unit)} errors={errors} required maxlength={60} hint="Fx %, antal, kr." />
          <Select
            name="direction"
            label="Retning"
            value={str(v.direction) || 'higher'}
            options={[
              { value: 'higher', label: 'Højere er bedre' },
              { value: 'lower', label: 'Lavere er bedre' },
            ]}
            errors={errors}
          />
          <Field name="baselineValue" label="Udgangspunkt, værdi" inputmode="decimal" value={str(v.baselineValue)} errors={errors} />
          <Field name="baselineDate" label="Udgangspunkt, dato" type="date" value={str(v.baselineDate)} errors={errors} />
          <Field name="targetValue" label="Mål, værdi" inputmode="decimal" value={str(v.targetValue)} errors={errors} />
          <Field name="targetDate" label="Mål, dato" type="date" value={str(v.targetDate)} errors={errors} />
          <Select name="source" label="Kilde" value={str(v.source) || 'manual'} options={sources} errors={errors} />
          <button type="submit" class="button button-primary">
            Gem indikatoren
          </button>
        </form>
      </>
    ),
  };
}

const cell = (x: unknown) => (x === true ? 'Ja' : x === false ? 'Nej' : x === null || x === undefined ? '–' : String(x));

const Computed = ({ c, unit }: { c: NonNullable<IndicatorView['values']['computed']>; unit: string }) => (
  <section aria-labelledby="beregnet-h">
    <h2 id="beregnet-h">Beregnet {formatDate(c.date)}</h2>
    <p>{c.description}</p>
    {/* biome-ignore lint/a11y/useSemanticElements: a keyboard-scrollable table wrapper is a named region, not a page section */}
    <div class="ramme-table-wrap" tabindex={0} role="region" aria-label="Værdi pr. medlem">
      <table class="table table--compact">
        <caption>Værdi for området og pr. medlem</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col" class="ramme-num">
              Værdi
            </th>
            <th scope="col" class="ramme-num">
              Tæller
            </th>
            <th scope="col" class="ramme-num">
              Nævner
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <strong>Hele området</strong>
            </th>
            <td class="ramme-num">
              <strong>{value(c.area.value, unit)}</strong>
            </td>
            <td class="ramme-num">{c.area.numerator ?? '–'}</td>
            <td class="ramme-num">{c.area.denominator ?? '–'}</td>
          </tr>
          {c.perMember.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td class="ramme-num">{value(m.value, unit)}</td>
              <td class="ramme-num">{m.numerator ?? '–'}</td>
              <td class="ramme-num">{m.denominator ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <details>
      <summary>Se {c.rows.length === 1 ? 'den 1 række' : `de ${c.rows.length} rækker`} bag tallene</summary>
      {/* biome-ignore lint/a11y/useSemanticElements: a keyboard-scrollable table wrapper is a named region, not a page section */}
      <div class="ramme-table-wrap" tabindex={0} role="region" aria-label="Rækkerne bag tallene">
        <table class="table table--compact">
          <caption>Rækkerne bag tallene</caption>
          <thead>
            <tr>
              {c.columns.map((col) => (
                <th scope="col">{col.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr>
                {c.columns.map((col) => (
                  <td>{cell(r[col.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  </section>
);

const MeasurementForm = ({ vm, csrf, form }: { vm: IndicatorView; csrf: string; form: FormState }) => {
  const { values: mv, errors } = form;
  const computed = vm.values.computed;
  return (
    <>
      <h3>Registrér måling</h3>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={agreementUrl(vm.agreement.id, `/indikatorer/${vm.values.indicator.id}/maalinger`)}>
        <CsrfField token={csrf} />
        <Field name="measuredOn" label="Dato" type="date" value={str(mv.measuredOn)} errors={errors} required />
        <Field
          name="value"
          label="Værdi"
          inputmode="decimal"
          value={str(mv.value ?? computed?.area.value ?? '')}
          errors={errors}
          required
          hint={computed ? 'Forudfyldt med dagens beregnede værdi, så den kan gemmes som en måling.' : undefined}
        />
        <Select
          name="organisationId"
          label="Gælder"
          value={str(mv.organisationId)}
          emptyLabel="Hele området"
          options={vm.members.map((m) => ({ value: String(m.id), label: m.name }))}
          errors={errors}
        />
        <Field name="source" label="Kilde" value={str(mv.source ?? (computed ? `Ramme: ${computed.name}` : ''))} errors={errors} required maxlength={300} />
        <Field name="note" label="Note" value={str(mv.note)} errors={errors} maxlength={2000} />
        <button type="submit" class="button button-secondary">
          Gem måling
        </button>
      </form>
    </>
  );
};

export function indicatorPage(vm: IndicatorView, csrf: string, measurement: FormState = blankForm): PageOptions {
  const { agreement: a, values: v } = vm;
  const i = v.indicator;
  const [label, tone] = PROGRESS[v.progress.state]!;
  return {
    title: i.name,
    status: measurement.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, i.name, { href: agreementUrl(a.id, '/indhold'), label: 'Indhold' }),
    body: (
      <>
        <Styles />
        <h1>{i.name}</h1>
        <SubNav agreement={a} current="/indhold" />
        <p>
          Seneste værdi for området: <strong>{value(v.latestValue, i.unit)}</strong> <Tag tone={tone}>{label}</Tag>
        </p>
        <DescriptionList
          items={[
            ['Definition', i.definition],
            ['Enhed', i.unit],
            ['Retning', i.direction === 'higher' ? 'Højere er bedre' : 'Lavere er bedre'],
            ['Udgangspunkt', i.baseline ? `${value(i.baseline.value, i.unit)} (${formatDate(i.baseline.date)})` : '–'],
            ['Mål', i.target ? `${value(i.target.value, i.unit)} senest ${formatDate(i.target.date)}` : '–'],
            ['Kilde', v.computed ? `Beregnes af Ramme: ${v.computed.name}` : i.source === 'manual' ? 'Manuel indtastning' : `Ukendt beregning (${i.source})`],
          ]}
        />
        {vm.canEdit && (
          <p>
            <a href={agreementUrl(a.id, `/indikatorer/${i.id}/rediger`)}>Ret indikatoren</a>
          </p>
        )}
        {v.computed && <Computed c={v.computed} unit={i.unit} />}
        <section aria-labelledby="maal-h">
          <h2 id="maal-h">Målinger</h2>
          {v.measurements.length === 0 ? (
            <p>Ingen registrerede målinger.</p>
          ) : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>Målinger over tid</caption>
                <thead>
                  <tr>
                    <th scope="col">Dato</th>
                    <th scope="col">Gælder</th>
                    <th scope="col" class="ramme-num">
                      Værdi
                    </th>
                    <th scope="col">Kilde</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {v.measurements.map((m) => (
                    <tr>
                      <td>{formatDate(m.measuredOn)}</td>
                      <td>{m.organisation ?? 'Hele området'}</td>
                      <td class="ramme-num">{value(m.value, i.unit)}</td>
                      <td>{m.source}</td>
                      <td>{m.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {vm.canEdit && <MeasurementForm vm={vm} csrf={csrf} form={measurement} />}
        </section>
      </>
    ),
  };
}
