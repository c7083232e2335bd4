/**
 * @module The content editor's pages: the agreement's content (free sections, focus areas per part with
 * objectives and indicators, joint principles with commitments) and the secretariat's forms for each piece.
 * View models come from content.service.ts.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { PageOptions } from '../../core/http/app.js';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { AgreementRow } from '../agreements.service.js';
import type { CommitmentForm, ContentView, FocusAreaForm, PrincipleForm } from '../content.service.js';
import { partsInOrder } from '../logic.js';
import { IndicatorLine } from './indicators.view.js';
import { SubNav, Styles, agreementUrl, crumbs, prefixErrors, str, type FormState, FocusAreaText } from './shared.js';

const LABELS: Record<string, string> = {
  part: 'Del',
  number: 'Nummer',
  title: 'Titel',
  goal: 'Mål',
  content: 'Indhold',
  desiredResults: 'Ønskede resultater',
  responsible: 'Ansvarlig',
  description: 'Beskrivelse',
  text: 'Tilsagn',
  scopeNote: 'Afgrænsning',
  appliesFrom: 'Gælder fra',
  indicatorId: 'Indikator',
  body: 'Tekst',
};
const prefixLabels = (p: string) => Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [`${p}${k}`, v]));

type FormPage = {
  a: AgreementRow;
  csrf: string;
  heading: string;
  action: string;
  errors?: FieldErrors;
  fields: JSX.Element;
  submitLabel?: string;
  after?: JSX.Element;
  /** The version an edit builds on (a hidden field; absent when adding). */
  version?: unknown;
  status?: number;
};
const formPage = (p: FormPage): PageOptions => ({
  title: p.heading,
  status: p.errors ? (p.status ?? 400) : undefined,
  breadcrumbs: crumbs(p.a, p.heading, { href: agreementUrl(p.a.id, '/indhold'), label: 'Indhold' }),
  body: (
    <>
      <Styles />
      <h1>{p.heading}</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={p.action} class="col-12 col-lg-8" style="padding:0">
        <CsrfField token={p.csrf} />
        {p.version !== undefined && <input type="hidden" name="version" value={str(p.version)} />}
        {p.fields}
        <button type="submit" class="button button-primary">
          {p.submitLabel ?? 'Gem'}
        </button>
      </form>
      {p.after}
    </>
  ),
});

// The content page --------------------------------------------------------------------------------------------

const FocusAreaArticle = ({ a, f, canEdit, links }: { a: AgreementRow; f: ContentView['content']['focusAreas'][number]; canEdit: boolean; links: boolean }) => (
  <article>
    <h3>
      Fokusområde {f.number}: {f.title}
    </h3>
    <FocusAreaText goal={f.goal} content={f.content} desiredResults={f.desired_results} responsible={f.responsible} />
    {f.objectives.map((o) => (
      <div>
        <h4>
          Målsætning {f.number}.{o.number}: {o.title}
        </h4>
        {o.description && <p>{o.description}</p>}
        {o.indicators.length > 0 ? (
          <ul>
            {o.indicators.map((i) => (
              <IndicatorLine agreementId={a.id} i={i} link={links} />
            ))}
          </ul>
        ) : (
          <p>Ingen indikatorer.</p>
        )}
      </div>
    ))}
    {canEdit && (
      <p>
        <a href={agreementUrl(a.id, `/fokusomraader/${f.id}`)}>Ret fokusområde {f.number} og dets målsætninger</a>
      </p>
    )}
  </article>
);

const Principles = ({ vm }: { vm: ContentView }) => {
  const a = vm.agreement;
  return (
    <section aria-labelledby="princip-h">
      <h2 id="princip-h">Fælleskommunale principper</h2>
      {vm.content.principles.length === 0 && <p>Ingen principper.</p>}
      {vm.content.principles.map((p) => (
        <article>
          <h3>
            Princip {p.number}: {p.title}
          </h3>
          {p.description && <p>{p.description}</p>}
          <ol>
            {p.commitments.map((c) => (
              <li>
                {c.text} <em>({[c.scope_note, `gælder fra ${formatDate(c.applies_from)}`].filter(Boolean).join('; ')})</em>
                {c.indicator_id && vm.indicatorLinks && (
                  <>
                    {' '}
                    · <a href={agreementUrl(a.id, `/indikatorer/${c.indicator_id}`)}>indikator</a>
                  </>
                )}
              </li>
            ))}
          </ol>
          {vm.canEdit && (
            <p>
              <a href={agreementUrl(a.id, `/principper/${p.id}/rediger`)}>Ret princip {p.number} og dets tilsagn</a>
            </p>
          )}
        </article>
      ))}
      <p>
        <a href={agreementUrl(a.id, '/principper')}>Se medlemmernes status i matrixen</a>
      </p>
    </section>
  );
};

export function contentPage(vm: ContentView): PageOptions {
  const { agreement: a, content, canEdit } = vm;
  const loose = content.indicators.filter((i) => i.objective_id === null);
  return {
    title: `Indhold – ${a.title}`,
    breadcrumbs: crumbs(a, 'Indhold'),
    body: (
      <>
        <Styles />
        <h1>Indhold</h1>
        <SubNav agreement={a} current="/indhold" />
        {canEdit && (
          <p class="ramme-actions">
            <a class="button button-secondary" href={agreementUrl(a.id, '/afsnit/ny')}>
              Tilføj afsnit
            </a>
            <a class="button button-secondary" href={agreementUrl(a.id, '/fokusomraader/ny')}>
              Tilføj fokusområde
            </a>
            <a class="button button-secondary" href={agreementUrl(a.id, '/indikatorer/ny')}>
              Tilføj indikator
            </a>
            <a class="button button-secondary" href={agreementUrl(a.id, '/principper/ny')}>
              Tilføj princip
            </a>
          </p>
        )}
        <h2>Afsnit</h2>
        {content.sections.length === 0 && <p>Ingen frie afsnit.</p>}
        {content.sections.map((s) => (
          <section>
            <h3>
              {s.number}. {s.title}
            </h3>
            <p>{s.body}</p>
            {canEdit && <a href={agreementUrl(a.id, `/afsnit/${s.id}`)}>Ret afsnit {s.number}</a>}
          </section>
        ))}
        {partsInOrder(vm.parts, content.focusAreas).map(({ part, focusAreas }) => (
          <section aria-labelledby={`del-${part.code}`}>
            <h2 id={`del-${part.code}`}>{part.label}</h2>
            {focusAreas.length === 0 && <p>Ingen fokusområder i denne del.</p>}
            {focusAreas.map((f) => (
              <FocusAreaArticle a={a} f={f} canEdit={canEdit} links={vm.indicatorLinks} />
            ))}
          </section>
        ))}
        {loose.length > 0 && (
          <section aria-labelledby="loose-h">
            <h2 id="loose-h">Indikatorer uden målsætning</h2>
            <ul>
              {loose.map((i) => (
                <IndicatorLine agreementId={a.id} i={i} link={vm.indicatorLinks} />
              ))}
            </ul>
          </section>
        )}
        <Principles vm={vm} />
      </>
    ),
  };
}

// Free sections -----------------------------------------------------------------------------------------------

export function sectionPage(a: AgreementRow, csrf: string, action: string, isNew: boolean, form: FormState): PageOptions {
  const v = form.values;
  const fields = (
    <>
      <Field name="number" label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={form.errors} required />
      <Field name="title" label="Titel" value={str(v.title)} errors={form.errors} required maxlength={300} />
      <TextArea name="body" label="Tekst" value={str(v.body)} errors={form.errors} required rows={10} maxlength={20000} />
    </>
  );
  return formPage({
    a,
    csrf,
    heading: isNew ? 'Tilføj afsnit' : `Ret afsnit ${str(v.number)}`,
    action,
    errors: form.errors,
    status: form.status,
    version: isNew ? undefined : v.version,
    fields,
  });
}

// Focus areas and their objectives ----------------------------------------------------------------------------

const focusAreaFields = (v: Record<string, unknown>, errors?: FieldErrors) => (
  <>
    <Select
      name="part"
      label="Del"
      value={str(v.part) || 'udvikling'}
      options={[
        { value: 'udvikling', label: 'Udviklingsstrategi' },
        { value: 'styring', label: 'Styringsaftale' },
      ]}
      errors={errors}
    />
    <Field
      name="number"
      label="Nummer"
      type="number"
      min={1}
      max={99}
      value={str(v.number)}
      errors={errors}
      required
      hint="Fokusområderne nummereres fortløbende i aftalen."
    />
    <Field name="title" label="Titel" value={str(v.title)} errors={errors} required maxlength={300} />
    <TextArea name="goal" label="Mål" value={str(v.goal)} errors={errors} maxlength={4000} />
    <TextArea name="content" label="Indhold" value={str(v.content)} errors={errors} rows={6} maxlength={10000} />
    <TextArea name="desiredResults" label="Ønskede resultater" value={str(v.desiredResults)} errors={errors} hint="Ét resultat pr. linje." />
    <Field name="responsible" label="Ansvarlig" value={str(v.responsible)} errors={errors} maxlength={300} hint="Fx Styregruppen eller en netværksgruppe." />
  </>
);

/** The form's values from a stored focus area. */
const focusAreaValues = (f: NonNullable<FocusAreaForm['focusArea']>) => ({ ...f, desiredResults: f.desired_results });

export function newFocusAreaPage(vm: FocusAreaForm, csrf: string, action: string, form?: FormState): PageOptions {
  return formPage({
    a: vm.agreement,
    csrf,
    heading: 'Tilføj fokusområde',
    action,
    errors: form?.errors,
    fields: focusAreaFields(form?.values ?? { number: vm.nextNumber }, form?.errors),
  });
}

/** A focus area's form and, below it, its objectives and the form to add one (fields prefixed `obj.`). */
export function focusAreaPage(vm: FocusAreaForm, csrf: string, form?: FormState, objective?: FormState): PageOptions {
  const { agreement: a, objectives } = vm;
  const fa = vm.focusArea!;
  const oe = objective?.errors && prefixErrors(objective.errors, 'obj.');
  const ov = objective?.values ?? {};
  return formPage({
    a,
    csrf,
    heading: `Fokusområde ${fa.number}: ${fa.title}`,
    action: agreementUrl(a.id, `/fokusomraader/${fa.id}`),
    errors: form?.errors,
    status: form?.status,
    version: form ? form.values.version : fa.version,
    fields: focusAreaFields(form?.values ?? focusAreaValues(fa), form?.errors),
    submitLabel: 'Gem fokusområdet',
    after: (
      <section aria-labelledby="obj-h">
        <h2 id="obj-h">Målsætninger</h2>
        {objectives.length === 0 ? (
          <p>Ingen målsætninger endnu.</p>
        ) : (
          <ul>
            {objectives.map((o) => (
              <li>
                {fa.number}.{o.number} {o.title}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={agreementUrl(a.id, '/indikatorer/ny')}>Tilføj en indikator til en målsætning</a>
        </p>
        <h3>Tilføj målsætning</h3>
        <ErrorSummary errors={oe} labels={prefixLabels('obj.')} />
        <form method="post" action={agreementUrl(a.id, `/fokusomraader/${fa.id}/maalsaetninger`)}>
          <CsrfField token={csrf} />
          <Field name="obj.number" label="Nummer" type="number" min={1} max={99} value={str(ov.number ?? objectives.length + 1)} errors={oe} required />
          <Field name="obj.title" label="Målsætning" value={str(ov.title)} errors={oe} required maxlength={500} />
          <TextArea name="obj.description" label="Beskrivelse" value={str(ov.description)} errors={oe} maxlength={4000} />
          <button type="submit" class="button button-secondary">
            Tilføj målsætning
          </button>
        </form>
      </section>
    ),
  });
}

// Principles and commitments ----------------------------------------------------------------------------------

const principleFields = (v: Record<string, unknown>, errors?: FieldErrors) => (
  <>
    <Field name="number" label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required />
    <Field name="title" label="Titel" value={str(v.title)} errors={errors} required maxlength={300} hint="Fx Fælles om takster og kontrakter" />
    <TextArea name="description" label="Beskrivelse" value={str(v.description)} errors={errors} maxlength={4000} />
  </>
);

const commitmentFields = (v: Record<string, unknown>, indicators: ReadonlyArray<{ id: number; name: string }>, errors?: FieldErrors, prefix = '') => (
  <>
    <Field name={`${prefix}number`} label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required />
    <TextArea name={`${prefix}text`} label="Tilsagn" value={str(v.text)} errors={errors} required maxlength={1000} />
    <Field
      name={`${prefix}scopeNote`}
      label="Afgrænsning"
      value={str(v.scopeNote)}
      errors={errors}
      maxlength={500}
      hint="Fx Kun nye kontrakter, eller kun én tilbudstype."
    />
    <Field name={`${prefix}appliesFrom`} label="Gælder fra" type="date" value={str(v.appliesFrom)} errors={errors} required />
    <Select
      name={`${prefix}indicatorId`}
      label="Indikator"
      value={str(v.indicatorId)}
      emptyLabel="Ingen"
      options={indicators.map((i) => ({ value: String(i.id), label: i.name }))}
      errors={errors}
    />
  </>
);

/** The form's values from a stored commitment. */
const commitmentValues = (c: CommitmentForm['commitment']) => ({
  number: c.number,
  text: c.text,
  scopeNote: c.scope_note,
  appliesFrom: c.applies_from,
  indicatorId: c.indicator_id,
});

export function newPrinciplePage(a: AgreementRow, csrf: string, action: string, form?: FormState): PageOptions {
  return formPage({ a, csrf, heading: 'Tilføj princip', action, errors: form?.errors, fields: principleFields(form?.values ?? {}, form?.errors) });
}

/** A principle's form and, below it, its commitments and the form to add one (fields prefixed `c.`). */
export function principlePage(vm: PrincipleForm, csrf: string, form?: FormState, commitment?: FormState): PageOptions {
  const { agreement: a, commitments, indicators } = vm;
  const p = vm.principle!;
  const ce = commitment?.errors && prefixErrors(commitment.errors, 'c.');
  return formPage({
    a,
    csrf,
    heading: `Princip ${p.number}: ${p.title}`,
    action: agreementUrl(a.id, `/principper/${p.id}/rediger`),
    errors: form?.errors,
    status: form?.status,
    version: form ? form.values.version : p.version,
    fields: principleFields(form?.values ?? p, form?.errors),
    submitLabel: 'Gem princippet',
    after: (
      <section aria-labelledby="c-h">
        <h2 id="c-h">Tilsagn</h2>
        {commitments.length === 0 ? (
          <p>Ingen tilsagn endnu.</p>
        ) : (
          <ul>
            {commitments.map((c) => (
              <li>
                {p.number}.{c.number} {c.text} –{' '}
                <a href={agreementUrl(a.id, `/tilsagn/${c.id}`)}>
                  ret{' '}
                  <span class="sr-only">
                    tilsagn {p.number}.{c.number}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <h3>Tilføj tilsagn</h3>
        <ErrorSummary errors={ce} labels={prefixLabels('c.')} />
        <form method="post" action={agreementUrl(a.id, `/principper/${p.id}/tilsagn`)}>
          <CsrfField token={csrf} />
          {commitmentFields(commitment?.values ?? { number: commitments.length + 1 }, indicators, ce, 'c.')}
          <button type="submit" class="button button-secondary">
            Tilføj tilsagn
          </button>
        </form>
      </section>
    ),
  });
}

export function commitmentPage(vm: CommitmentForm, csrf: string, action: string, form?: FormState): PageOptions {
  const c = vm.commitment;
  return formPage({
    a: vm.agreement,
    csrf,
    heading: `Tilsagn ${c.principle_number}.${c.number}`,
    action,
    errors: form?.errors,
    status: form?.status,
    version: form ? form.values.version : c.version,
    fields: commitmentFields(form?.values ?? commitmentValues(c), vm.indicators, form?.errors),
  });
}
