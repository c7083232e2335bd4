/**
 * @module The tariff editor form: one field per cost category, overhead, income, regulation, occupancy with
 * the history Ramme has, up to five levels and three add-on services. Converts between form fields and the
 * calculation input, and maps the calculation's error paths back to form fields.
 */
import type { Child, FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { COST_CATEGORIES, COST_LABELS, Dec, UNITS, UNIT_LABELS, type CalcInput } from '../calculation.js';

export type FormValues = Record<string, string | string[] | undefined>;
export const LEVEL_ROWS = 5;
export const ADDON_ROWS = 3;

const s = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();
const opt = (v: string) => (v === '' ? undefined : v);

/** Form fields → the request body the service validates, plus a map from its error paths back to form fields. */
export function formToBody(f: FormValues): { body: Record<string, unknown>; fieldOf: (path: string) => string } {
  const unit = s(f.unit) || 'day';
  const costCats = COST_CATEGORIES.filter((c) => s(f[`cost.${c}`]) !== '');
  const levelRows = Array.from({ length: LEVEL_ROWS }, (_, i) => i).filter((i) => ['name', 'weight', 'share'].some((k) => s(f[`level.${i}.${k}`]) !== ''));
  const addOnRows = Array.from({ length: ADDON_ROWS }, (_, i) => i).filter((i) => ['name', 'cost', 'hours'].some((k) => s(f[`addOn.${i}.${k}`]) !== ''));
  const histFields = ['hist.0', 'hist.1'].filter((k) => s(f[k]) !== '');
  const hasRegulation = ['regResult', 'regCostBase', 'regRetained'].some((k) => s(f[k]) !== '');
  const mode = s(f.overheadMode) || 'pct';
  const body: Record<string, unknown> = {
    unit,
    ...(unit === 'hour' ? { plannedHours: opt(s(f.plannedHours)) } : { places: opt(s(f.places)), occupancyPct: opt(s(f.occupancyPct)), occupancyHistoryPct: histFields.map((k) => s(f[k])) }),
    occupancyDeviationApproved: s(f.occupancyDeviationApproved) === 'on',
    costs: costCats.map((c) => ({ category: c, amount: s(f[`cost.${c}`]) })),
    overhead: s(f.overheadValue) === '' ? null : mode === 'amount' ? { amount: s(f.overheadValue) } : { pct: s(f.overheadValue) },
    income: opt(s(f.income)),
    regulation: hasRegulation ? { result: opt(s(f.regResult)), costBase: opt(s(f.regCostBase)), retained: s(f.regRetained) || '0', year: opt(s(f.regYear)) } : null,
    levels: levelRows.map((i) => ({ name: s(f[`level.${i}.name`]), weight: opt(s(f[`level.${i}.weight`])), share: opt(s(f[`level.${i}.share`])) })),
    addOns: addOnRows.map((i) => ({ name: s(f[`addOn.${i}.name`]), cost: opt(s(f[`addOn.${i}.cost`])), plannedHours: opt(s(f[`addOn.${i}.hours`])) })),
    explanation: s(f.explanation),
    correctionReason: s(f.correctionReason),
  };
  const fieldOf = (path: string): string => {
    const p = path.split('.');
    if (p[0] === 'costs' && p.length >= 2) return `cost.${costCats[Number(p[1])] ?? 'salaries'}`;
    if (p[0] === 'costs') return '_';
    if (p[0] === 'occupancyHistoryPct') return histFields[Number(p[1] ?? 0)] ?? 'hist.0';
    if (p[0] === 'overhead') return 'overheadValue';
    if (p[0] === 'regulation') return { result: 'regResult', costBase: 'regCostBase', retained: 'regRetained', year: 'regYear' }[p[1] ?? ''] ?? 'regResult';
    if (p[0] === 'levels') return p.length >= 3 ? `level.${levelRows[Number(p[1])] ?? 0}.${p[2]}` : `level.${levelRows[0] ?? 0}.share`;
    if (p[0] === 'addOns') return p.length >= 3 ? `addOn.${addOnRows[Number(p[1])] ?? 0}.${p[2] === 'plannedHours' ? 'hours' : p[2]}` : 'addOn.0.name';
    return ['unit', 'places', 'plannedHours', 'occupancyPct', 'income', 'explanation', 'correctionReason'].includes(p[0]!) ? p[0]! : '_';
  };
  return { body, fieldOf };
}

export function mapErrors(errors: FieldErrors, fieldOf: (path: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, msgs] of Object.entries(errors)) (out[path === '_' ? '_' : fieldOf(path)] ??= []).push(...msgs);
  return out;
}

const dec = (v: string | null | undefined) => (v === null || v === undefined ? '' : v.replace('.', ','));

/** A stored input → form fields (decimal commas, Danish style). */
export function inputToForm(input: CalcInput, texts: { explanation?: string | null; correctionReason?: string | null } = {}): FormValues {
  const f: FormValues = {
    unit: input.unit,
    places: input.places ? String(input.places) : '',
    plannedHours: dec(input.plannedHours),
    occupancyPct: dec(input.occupancyPct),
    occupancyDeviationApproved: input.occupancyDeviationApproved ? 'on' : undefined,
    overheadMode: input.overhead && 'amount' in input.overhead ? 'amount' : 'pct',
    overheadValue: input.overhead ? dec('amount' in input.overhead ? input.overhead.amount : input.overhead.pct) : '',
    income: dec(input.income),
    regResult: dec(input.regulation?.result),
    regCostBase: dec(input.regulation?.costBase),
    regRetained: dec(input.regulation?.retained),
    regYear: input.regulation?.year ? String(input.regulation.year) : '',
    explanation: texts.explanation ?? '',
    correctionReason: texts.correctionReason ?? '',
  };
  (input.occupancyHistoryPct ?? []).forEach((h, i) => (f[`hist.${i}`] = dec(h)));
  for (const c of COST_CATEGORIES) {
    const lines = input.costs.filter((l) => l.category === c);
    if (lines.length) f[`cost.${c}`] = dec(lines.reduce((sum, l) => sum.plus(l.amount), new Dec(0)).toFixed());
  }
  (input.levels ?? []).forEach((l, i) => Object.assign(f, { [`level.${i}.name`]: l.name, [`level.${i}.weight`]: dec(l.weight), [`level.${i}.share`]: dec(l.share) }));
  (input.addOns ?? []).forEach((a, i) => Object.assign(f, { [`addOn.${i}.name`]: a.name, [`addOn.${i}.cost`]: dec(a.cost), [`addOn.${i}.hours`]: dec(a.plannedHours) }));
  return f;
}

export const FIELD_LABELS: Record<string, string> = {
  unit: 'Enhed',
  places: 'Pladser',
  plannedHours: 'Planlagte timer',
  occupancyPct: 'Budgetteret belægningsprocent',
  'hist.0': 'Faktisk belægning, første år',
  'hist.1': 'Faktisk belægning, andet år',
  overheadValue: 'Overhead',
  income: 'Indtægter',
  regResult: 'Resultat til efterregulering',
  regCostBase: 'Omkostningsgrundlag',
  regRetained: 'Beholdt i egen driftsramme',
  regYear: 'Regnskabsår',
  explanation: 'Forklaring på stigningen',
  correctionReason: 'Begrundelse for ny version',
  ...Object.fromEntries(COST_CATEGORIES.map((c) => [`cost.${c}`, COST_LABELS[c]])),
  ...Object.fromEntries(Array.from({ length: LEVEL_ROWS }, (_, i) => [[`level.${i}.name`, `Niveau ${i + 1}: navn`], [`level.${i}.weight`, `Niveau ${i + 1}: vægt`], [`level.${i}.share`, `Niveau ${i + 1}: andel`]]).flat()),
  ...Object.fromEntries(Array.from({ length: ADDON_ROWS }, (_, i) => [[`addOn.${i}.name`, `Tillægsydelse ${i + 1}: navn`], [`addOn.${i}.cost`, `Tillægsydelse ${i + 1}: udgift`], [`addOn.${i}.hours`, `Tillægsydelse ${i + 1}: timer`]]).flat()),
};

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
};

export const TariffEditor: FC<EditorProps> = (p) => {
  const v = (k: string) => s(p.values[k]);
  const e = p.errors;
  return (
    <form method="post" action={p.action} novalidate data-live-url={p.previewUrl} data-live-target="beregning">
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={e} labels={FIELD_LABELS} />
      <div class="row">
        <div class="col-12 col-lg-7">
          {p.isCorrection && (
            <TextArea name="correctionReason" label="Begrundelse for ny version" hint="Taksten er offentliggjort; en rettelse bliver en ny version med en begrundelse." value={v('correctionReason')} errors={e} required maxlength={2000} />
          )}
          <fieldset>
            <legend class="h3">Enhed og kapacitet</legend>
            <Select name="unit" label="Enhed" value={v('unit') || 'day'} errors={e} options={UNITS.map((u) => ({ value: u, label: `Pr. ${UNIT_LABELS[u]}` }))} />
            <Field name="places" label="Pladser" hint="Bruges for døgn- og månedstakster." value={v('places')} errors={e} inputmode="numeric" />
            <Field name="plannedHours" label="Planlagte timer" hint="Bruges for timetakster." value={v('plannedHours')} errors={e} inputmode="decimal" />
          </fieldset>
          <fieldset>
            <legend class="h3">Udgifter (kr.)</legend>
            {COST_CATEGORIES.map((c) => (
              <Field name={`cost.${c}`} label={COST_LABELS[c]} value={v(`cost.${c}`)} errors={e} inputmode="decimal" hint={c === 'depreciation' || c === 'interest' ? 'Indgår ikke i grundlaget for overhead.' : undefined} />
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
                        <input class="form-radio" type="radio" id={`f-overheadMode-${value}`} name="overheadMode" value={value} checked={(v('overheadMode') || 'pct') === value} />
                        <label for={`f-overheadMode-${value}`}>{label}</label>
                      </div>
                    </li>
                  ))}
                </ul>
              </fieldset>
            </div>
            <Field name="overheadValue" label="Overhead" hint="Procent (fx 6) eller beløb i kroner, efter valget ovenfor." value={v('overheadValue')} errors={e} inputmode="decimal" />
            <Field name="income" label="Indtægter, der fratrækkes (kr.)" value={v('income')} errors={e} inputmode="decimal" />
          </fieldset>
          <fieldset>
            <legend class="h3">Efterregulering af et tidligere års resultat</legend>
            <Field name="regYear" label="Regnskabsår" value={v('regYear')} errors={e} inputmode="numeric" />
            <Field name="regResult" label="Resultat til efterregulering (kr.)" hint="Overskud positivt, underskud med minus." value={v('regResult')} errors={e} inputmode="decimal" />
            <Field name="regCostBase" label="Omkostningsgrundlag det år (kr.)" value={v('regCostBase')} errors={e} inputmode="decimal" />
            <Field name="regRetained" label="Beholdt i egen driftsramme (kr.)" hint="Samme fortegn som resultatet; højst aftalens grænse (typisk 5 %) af omkostningsgrundlaget." value={v('regRetained')} errors={e} inputmode="decimal" />
          </fieldset>
          <fieldset>
            <legend class="h3">Belægning</legend>
            {p.shortStay && <p>Tilbuddet er et korttids-, akut- eller aflastningstilbud; aftalens lavere minimum gælder.</p>}
            <Field name="occupancyPct" label="Budgetteret belægningsprocent" hint="Lad feltet stå tomt for at bruge gennemsnittet af de foregående års faktiske belægning." value={v('occupancyPct')} errors={e} inputmode="decimal" />
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
            <Checkbox name="occupancyDeviationApproved" label="Styregruppen har godkendt en belægning uden for aftalens grænser" checked={v('occupancyDeviationApproved') === 'on'} />
          </fieldset>
          <fieldset>
            <legend class="h3">Takstniveauer (pakkemodel)</legend>
            <p>Udfyld kun, hvis tilbuddet har flere niveauer. Vægten er niveauets relative pris; andelene er den forventede fordeling af de belagte pladser og skal give 1 tilsammen (fx 0,5 + 0,3 + 0,2).</p>
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
