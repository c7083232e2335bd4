/**
 * @module The tariff editor page: one field per cost category, overhead, income, regulation, occupancy with the
 * history Ramme has, up to five levels and three add-on services, next to the live calculation panel (the tariff
 * per level, the change against last year and whether it must be explained, warnings and the breakdown).
 */
import type { Child, FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import type { PageOptions } from '../../core/http/app.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { COST_CATEGORIES, COST_LABELS, UNITS, UNIT_LABELS } from '../calculation.js';
import { ADDON_ROWS, FIELD_LABELS, LEVEL_ROWS, type FormValues } from '../draft.form.js';
import type { EditorModel, Preview } from '../draft.service.js';
import { formatChange } from '../tariffs.format.js';
import { BreakdownTable, ChangeText, dkKr, dkPct, LevelsTable, Warnings } from './parts.view.js';

const s = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

export type EditorProps = {
  action: string;
  previewUrl: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  historyYears: number[];
  isCorrection: boolean;
  shortStay: boolean;
  cancelHref: string;
  preview: Child;
  /** The revision an edit of a stored draft builds on (absent for a new draft). */
  revision?: string;
  /** The message above the field errors (e.g. that someone else changed the tariff meanwhile). */
  message?: string;
};

export const TariffEditor: FC<EditorProps> = (p) => {
  const v = (k: string) => s(p.values[k]);
  const e = p.errors;
  return (
    <form method="post" action={p.action} novalidate data-live-url={p.previewUrl} data-live-target="beregning">
      <CsrfField token={p.csrf} />
      {p.revision !== undefined && <input type="hidden" name="revision" value={p.revision} />}
      <ErrorSummary errors={e} labels={FIELD_LABELS} message={p.message} />
      <div class="row">
        <div class="col-12 col-lg-7">
          {p.isCorrection && (
            <TextArea
              name="correctionReason"
              label="Begrundelse for ny version"
              hint="Taksten er offentliggjort; en rettelse bliver en ny version med en begrundelse."
              value={v('correctionReason')}
              errors={e}
              required
              maxlength={2000}
            />
          )}
          <fieldset>
            <legend class="h3">Enhed og kapacitet</legend>
            <Select
              name="unit"
              label="Enhed"
              value={v('unit') || 'day'}
              errors={e}
              options={UNITS.map((u) => ({ value: u, label: `Pr. ${UNIT_LABELS[u]}` }))}
            />
            <Field name="places" label="Pladser" hint="Bruges for døgn- og månedstakster." value={v('places')} errors={e} inputmode="numeric" />
            <Field name="plannedHours" label="Planlagte timer" hint="Bruges for timetakster." value={v('plannedHours')} errors={e} inputmode="decimal" />
          </fieldset>
          <fieldset>
            <legend class="h3">Udgifter (kr.)</legend>
            {COST_CATEGORIES.map((c) => (
              <Field
                name={`cost.${c}`}
                label={COST_LABELS[c]}
                value={v(`cost.${c}`)}
                errors={e}
                inputmode="decimal"
                hint={c === 'depreciation' || c === 'interest' ? 'Indgår ikke i grundlaget for overhead.' : undefined}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend class="h3">Overhead og indtægter</legend>
            <div class="form-group">
              <fieldset>
                <legend class="form-label">Overhead angives som</legend>
                <ul class="nobullet-list">
                  {[
                    ['pct', 'Procent af udgifterne (uden afskrivninger og forrentning)'],
                    ['amount', 'Fast beløb i kroner'],
                  ].map(([value, label]) => (
                    <li>
                      <div class="form-group-radio">
                        <input
                          class="form-radio"
                          type="radio"
                          id={`f-overheadMode-${value}`}
                          name="overheadMode"
                          value={value}
                          checked={(v('overheadMode') || 'pct') === value}
                        />
                        <label for={`f-overheadMode-${value}`}>{label}</label>
                      </div>
                    </li>
                  ))}
                </ul>
              </fieldset>
            </div>
            <Field
              name="overheadValue"
              label="Overhead"
              hint="Procent (fx 6) eller beløb i kroner, efter valget ovenfor."
              value={v('overheadValue')}
              errors={e}
              inputmode="decimal"
            />
            <Field name="income" label="Indtægter, der fratrækkes (kr.)" value={v('income')} errors={e} inputmode="decimal" />
          </fieldset>
          <fieldset>
            <legend class="h3">Efterregulering af et tidligere års resultat</legend>
            <Field name="regYear" label="Regnskabsår" value={v('regYear')} errors={e} inputmode="numeric" />
            <Field
              name="regResult"
              label="Resultat til efterregulering (kr.)"
              hint="Overskud positivt, underskud med minus."
              value={v('regResult')}
              errors={e}
              inputmode="decimal"
            />
            <Field name="regCostBase" label="Omkostningsgrundlag det år (kr.)" value={v('regCostBase')} errors={e} inputmode="decimal" />
            <Field
              name="regRetained"
              label="Beholdt i egen driftsramme (kr.)"
              hint="Samme fortegn som resultatet; højst aftalens grænse (typisk 5 %) af omkostningsgrundlaget."
              value={v('regRetained')}
              errors={e}
              inputmode="decimal"
            />
          </fieldset>
          <fieldset>
            <legend class="h3">Belægning</legend>
            {p.shortStay && <p>Tilbuddet er et korttids-, akut- eller aflastningstilbud; aftalens lavere minimum gælder.</p>}
            <Field
              name="occupancyPct"
              label="Budgetteret belægningsprocent"
              hint="Lad feltet stå tomt for at bruge gennemsnittet af de foregående års faktiske belægning."
              value={v('occupancyPct')}
              errors={e}
              inputmode="decimal"
            />
            {[0, 1].map((i) => (
              <Field
                name={`hist.${i}`}
                label={p.historyYears[i] ? `Faktisk belægning ${p.historyYears[i]} (%)` : `Faktisk belægning, år ${i + 1} (%)`}
                hint={p.historyYears[i] ? 'Udfyldt fra Ramme; ret hvis regnskabet viser andet.' : undefined}
                value={v(`hist.${i}`)}
                errors={e}
                inputmode="decimal"
              />
            ))}
            <Checkbox
              name="occupancyDeviationApproved"
              label="Styregruppen har godkendt en belægning uden for aftalens grænser"
              checked={v('occupancyDeviationApproved') === 'on'}
            />
          </fieldset>
          <fieldset>
            <legend class="h3">Takstniveauer (pakkemodel)</legend>
            <p>
              Udfyld kun, hvis tilbuddet har flere niveauer. Vægten er niveauets relative pris; andelene er den forventede fordeling af de belagte pladser og
              skal give 1 tilsammen (fx 0,5 + 0,3 + 0,2).
            </p>
            {Array.from({ length: LEVEL_ROWS }, (_, i) => (
              <div class="ramme-filters">
                <Field name={`level.${i}.name`} label={`Niveau ${i + 1}: navn`} value={v(`level.${i}.name`)} errors={e} maxlength={80} />
                <Field name={`level.${i}.weight`} label={`Niveau ${i + 1}: vægt`} value={v(`level.${i}.weight`)} errors={e} inputmode="decimal" />
                <Field name={`level.${i}.share`} label={`Niveau ${i + 1}: andel`} value={v(`level.${i}.share`)} errors={e} inputmode="decimal" />
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend class="h3">Tillægsydelser</legend>
            <p>Prissættes for sig: udgift ÷ planlagte timer.</p>
            {Array.from({ length: ADDON_ROWS }, (_, i) => (
              <div class="ramme-filters">
                <Field name={`addOn.${i}.name`} label={`Tillægsydelse ${i + 1}: navn`} value={v(`addOn.${i}.name`)} errors={e} maxlength={120} />
                <Field name={`addOn.${i}.cost`} label={`Tillægsydelse ${i + 1}: udgift (kr.)`} value={v(`addOn.${i}.cost`)} errors={e} inputmode="decimal" />
                <Field name={`addOn.${i}.hours`} label={`Tillægsydelse ${i + 1}: timer`} value={v(`addOn.${i}.hours`)} errors={e} inputmode="decimal" />
              </div>
            ))}
          </fieldset>
          <TextArea
            name="explanation"
            label="Forklaring på stigningen"
            hint="Skal udfyldes før indsendelse, hvis stigningen i et døgn- eller botilbud overstiger aftalens grænse. Forklaringen indgår i indberetningen til socialtilsynet."
            value={v('explanation')}
            errors={e}
            maxlength={4000}
          />
          <div class="ramme-actions">
            <button type="submit" class="button button-primary" name="handling" value="gem">
              Gem kladde
            </button>
            <button type="submit" class="button button-secondary" name="handling" value="beregn">
              Beregn uden at gemme
            </button>
            <a href={p.cancelHref}>Annullér</a>
          </div>
        </div>
        <div class="col-12 col-lg-5">
          <h2 class="h3">Beregning</h2>
          <div id="beregning" aria-live="polite">
            {p.preview}
          </div>
        </div>
      </div>
    </form>
  );
};

export const PreviewPanel: FC<Partial<Preview> & { isResidential: boolean }> = ({ computed, errors, isResidential }) => {
  if (!computed) {
    const entries = Object.entries(errors ?? {});
    return (
      <Alert kind="info" heading="Beregningen mangler oplysninger">
        {entries.length ? (
          <ul>
            {entries.map(([field, msgs]) => (
              <li>
                {field === '_' ? '' : `${FIELD_LABELS[field] ?? field}: `}
                {msgs.join(' ')}
              </li>
            ))}
          </ul>
        ) : (
          <p>Udfyld udgifter, kapacitet og belægning for at se taksten.</p>
        )}
      </Alert>
    );
  }
  const { result: r, change, snapshot, isFlagged, previous } = computed;
  const isReal = snapshot.increaseBasis === 'real';
  return (
    <>
      <LevelsTable levels={r.levels} unit={computed.input.unit} caption="Beregnet takst" />
      <dl class="ramme-dl">
        <dt>Takstgrundlag</dt>
        <dd>{dkKr(r.basis)}</dd>
        <dt>Gennemsnitstakst</dt>
        <dd>{dkKr(r.averageTariff)}</dd>
        <dt>Anvendt belægning</dt>
        <dd>{r.occupancyPctUsed ? dkPct(r.occupancyPctUsed) : 'Bruges ikke (timetakst)'}</dd>
        <dt>Sidste års takst</dt>
        <dd>{previous ? dkKr(previous.average_tariff) : 'Ingen sammenlignelig offentliggjort takst'}</dd>
        <dt>Ændring</dt>
        <dd>
          Nominelt <ChangeText pct={change.nominalPct} />, realt <ChangeText pct={change.realPct} />
          {snapshot.plPct !== null && <small> (P/L {dkPct(snapshot.plPct)})</small>}
        </dd>
      </dl>
      {isFlagged ? (
        <Alert kind="warning" heading="Stigning over aftalens grænse">
          <p>
            Den {isReal ? 'reale' : 'nominelle'} stigning på {formatChange(isReal ? change.realPct : change.nominalPct)} overstiger grænsen på{' '}
            {dkPct(snapshot.increaseThresholdPct)} for døgn- og botilbud. Forklar stigningen, før taksten indsendes; den indberettes til socialtilsynet og
            drøftes i styregruppen.
          </p>
        </Alert>
      ) : (
        isResidential && change.nominalPct !== null && <p>Stigningen er inden for aftalens grænse på {dkPct(snapshot.increaseThresholdPct)}.</p>
      )}
      <Warnings warnings={r.warnings} />
      <details class="details">
        <summary class="details-summary">Se hele beregningen</summary>
        <div class="details-text">
          <BreakdownTable steps={r.breakdown} />
        </div>
      </details>
    </>
  );
};

export type EditorView = EditorModel & { csrf: string; errors?: FieldErrors; httpStatus?: number; message?: string };

/** The page of the editor: a new draft (or a correction) of an offering's tariff, or an existing draft. */
export const editorPage = (m: EditorView): PageOptions => {
  const o = m.offering;
  const title = m.version
    ? `Ret takst ${m.year}${m.version.version > 1 ? `, version ${m.version.version}` : ''}`
    : m.isCorrection
      ? `Ny version af taksten ${m.year}`
      : `Beregn takst ${m.year}`;
  const action = m.version ? `/takster/${m.version.id}/rediger` : `/takster/tilbud/${o.id}/${m.year}/ny`;
  return {
    title,
    status: m.httpStatus,
    breadcrumbs: [
      { href: '/', label: 'Forside' },
      { href: '/takster', label: 'Takster' },
      { href: `/takster/tilbud/${o.id}`, label: o.name },
      { label: title },
    ],
    body: (
      <>
        <h1>{title}</h1>
        <p>
          {o.name} · {o.offering_type_name} · {o.municipality_name} · {o.area?.name ?? 'intet rammeaftaleområde'}
        </p>
        {m.deadline && !m.isCorrection && (
          <p>
            Frist for indsendelse: {formatDate(m.deadline)}. Beregningen følger aftalens regler for {m.year}; se dem på{' '}
            <a href="/takster/regler">takstreglerne</a>.
          </p>
        )}
        <TariffEditor
          action={action}
          previewUrl={`/takster/forhaandsvisning/${o.id}/${m.year}`}
          csrf={m.csrf}
          values={m.values}
          errors={m.errors}
          historyYears={m.historyYears}
          isCorrection={m.isCorrection}
          shortStay={o.is_short_stay}
          cancelHref={m.version ? `/takster/${m.version.id}` : `/takster/tilbud/${o.id}`}
          revision={m.version ? s(m.values.revision) || String(m.version.revision) : undefined}
          message={m.message}
          preview={<PreviewPanel computed={m.preview?.computed ?? null} errors={m.preview?.errors ?? {}} isResidential={o.is_residential} />}
        />
      </>
    ),
  };
};
