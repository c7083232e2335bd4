/**
 * @module The offering form (create and edit) and the close form. Works without JavaScript; on errors the
 * form is shown again with the user's input and a Danish message per field.
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { CheckboxGroup, Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { FIELD_LABELS } from '../offerings.schema.js';
import type { ReferenceLists } from '../offerings.service.js';
import { OFFERING_STATUSES, PROTECTIONS, PROTECTION_LABELS, STATUS_LABELS, type OfferingStatus } from '../offerings.table.js';
import { one, type FormValues } from './edit.form.js';

const s = one;
const arr = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const OfferingForm: FC<{
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  refs: ReferenceLists;
  operators: Array<{ id: number; name: string }>;
  submitLabel: string;
  cancelHref: string;
  /** The version the edit builds on (absent when creating). */
  version?: string;
  /** The message above the field errors (e.g. that someone else changed the offering meanwhile). */
  message?: string;
}> = ({ action, csrf, values, errors, refs, operators, submitLabel, cancelHref, version, message }) => (
  <form method="post" action={action} novalidate>
    <CsrfField token={csrf} />
    {version !== undefined && <input type="hidden" name="version" value={version} />}
    <ErrorSummary errors={errors} labels={FIELD_LABELS} message={message} />
    <fieldset>
      <legend class="h3">Stamdata</legend>
      <Field name="name" label="Navn" value={s(values.name)} errors={errors} required maxlength={200} />
      <Select
        name="operatorOrganisationId"
        label="Driftsherre"
        value={s(values.operatorOrganisationId)}
        errors={errors}
        options={operators.map((o) => ({ value: String(o.id), label: o.name }))}
        required
      />
      <Select
        name="operatorType"
        label="Driftsform"
        value={s(values.operatorType)}
        errors={errors}
        options={refs.operatorTypes.map((o) => ({ value: o.code, label: o.name }))}
        emptyLabel="Vælg driftsform"
        required
      />
      <Select
        name="offeringType"
        label="Tilbudstype"
        value={s(values.offeringType)}
        errors={errors}
        options={refs.offeringTypes.map((o) => ({ value: o.code, label: o.name }))}
        emptyLabel="Vælg tilbudstype"
        required
      />
      <Field name="address" label="Adresse" value={s(values.address)} errors={errors} required maxlength={200} autocomplete="street-address" />
      <Field
        name="postalCode"
        label="Postnummer"
        value={s(values.postalCode)}
        errors={errors}
        required
        inputmode="numeric"
        maxlength={4}
        autocomplete="postal-code"
      />
      <Field name="city" label="By" value={s(values.city)} errors={errors} required maxlength={100} />
      <Select
        name="municipalityCode"
        label="Beliggenhedskommune"
        value={s(values.municipalityCode)}
        errors={errors}
        options={refs.municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
        emptyLabel="Vælg kommune"
        required
      />
    </fieldset>
    <fieldset>
      <legend class="h3">Lovgrundlag og målgrupper</legend>
      <Select
        name="primaryLegalBasis"
        label="Primært lovgrundlag"
        value={s(values.primaryLegalBasis)}
        errors={errors}
        options={refs.validLegalBases.map((l) => ({ value: l.code, label: `${l.law} ${l.paragraph}: ${l.title}` }))}
        emptyLabel="Vælg lovgrundlag"
        required
      />
      <CheckboxGroup
        name="extraLegalBases"
        legend="Øvrige lovgrundlag"
        values={arr(values.extraLegalBases)}
        errors={errors}
        options={refs.validLegalBases.map((l) => ({ value: l.code, label: `${l.law} ${l.paragraph}: ${l.title}` }))}
      />
      <CheckboxGroup
        name="targetGroups"
        legend="Målgrupper"
        hint="Vælg mindst én."
        values={arr(values.targetGroups)}
        errors={errors}
        options={refs.targetGroups.map((t) => ({ value: t.code, label: t.parent_code ? `– ${t.name}` : t.name }))}
      />
    </fieldset>
    <fieldset>
      <legend class="h3">Pladser, alder og status</legend>
      <Field name="places" label="Normerede pladser" value={s(values.places)} errors={errors} required inputmode="numeric" />
      <Field name="ageMin" label="Alder fra (år)" value={s(values.ageMin)} errors={errors} required inputmode="numeric" />
      <Field name="ageMax" label="Alder til (år)" value={s(values.ageMax)} errors={errors} required inputmode="numeric" />
      <Select
        name="status"
        label="Status"
        value={s(values.status) || 'aktiv'}
        errors={errors}
        options={OFFERING_STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v] }))}
      />
      <Field name="statusSince" label="Status siden" type="date" hint="Dato, åååå-mm-dd" value={s(values.statusSince)} errors={errors} required />
    </fieldset>
    <fieldset>
      <legend class="h3">Tilsyn og rammeaftale</legend>
      <Select
        name="socialtilsynCode"
        label="Socialtilsyn"
        value={s(values.socialtilsynCode)}
        errors={errors}
        options={refs.socialtilsyn.map((t) => ({ value: t.code, label: t.name }))}
        emptyLabel="Vælg socialtilsyn"
        required
      />
      <Field name="approvalDate" label="Godkendt af socialtilsynet (dato)" type="date" value={s(values.approvalDate)} errors={errors} />
      <Checkbox name="isCovered" label="Omfattet af rammeaftalen" checked={s(values.isCovered) === 'on'} />
      <Select
        name="protection"
        label="Beskyttelse"
        value={s(values.protection) || 'ingen'}
        errors={errors}
        options={PROTECTIONS.map((p) => ({ value: p, label: PROTECTION_LABELS[p] }))}
      />
    </fieldset>
    <fieldset>
      <legend class="h3">Beskrivelse og kontakt</legend>
      <TextArea name="description" label="Beskrivelse" value={s(values.description)} errors={errors} maxlength={4000} rows={5} />
      <Field name="contactName" label="Kontaktperson" value={s(values.contactName)} errors={errors} maxlength={200} />
      <Field name="contactEmail" label="E-mail" type="email" value={s(values.contactEmail)} errors={errors} maxlength={200} />
      <Field name="contactPhone" label="Telefon" type="tel" value={s(values.contactPhone)} errors={errors} maxlength={40} />
    </fieldset>
    <div class="ramme-actions">
      <button type="submit" class="button button-primary">
        {submitLabel}
      </button>
      <a href={cancelHref}>Annullér</a>
    </div>
  </form>
);

/** The create or edit page: the form with the user's values (and errors after a refused save). */
export type FormPageView = {
  /** Absent when creating. */
  id?: number;
  title: string;
  values: FormValues;
  errors?: FieldErrors;
  refs: ReferenceLists;
  operators: Array<{ id: number; name: string }>;
  version?: string;
  message?: string;
};

export const FormPage: FC<{ view: FormPageView; csrf: string }> = ({ view: v, csrf }) => (
  <>
    <h1>{v.title}</h1>
    <OfferingForm
      action={v.id ? `/tilbud/${v.id}/rediger` : '/tilbud/ny'}
      csrf={csrf}
      values={v.values}
      errors={v.errors}
      refs={v.refs}
      operators={v.operators}
      submitLabel={v.id ? 'Gem ændringer' : 'Opret tilbud'}
      cancelHref={v.id ? `/tilbud/${v.id}` : '/tilbud'}
      version={v.version}
      message={v.message}
    />
  </>
);

const CLOSE_STATUSES = ['lukket_for_indskrivning', 'under_afvikling', 'lukket'] as const;

/** The close page: new status, from which date, and why. */
export type ClosePageView = {
  id: number;
  name: string;
  status: OfferingStatus;
  statusSince: string;
  today: string;
  version: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
};

export const ClosePage: FC<{ view: ClosePageView; csrf: string }> = ({ view: v, csrf }) => (
  <>
    <h1>Luk eller afvikl {v.name}</h1>
    <p>
      Tilbuddet er i dag: {STATUS_LABELS[v.status]} (siden {formatDate(v.statusSince)}). Ændringen registreres i loggen med din begrundelse.
    </p>
    <ErrorSummary errors={v.errors} labels={FIELD_LABELS} message={v.message} />
    <form method="post" action={`/tilbud/${v.id}/luk`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={v.version} />
      <Select
        name="status"
        label="Ny status"
        value={s(v.values.status) || 'lukket'}
        errors={v.errors}
        options={CLOSE_STATUSES.map((c) => ({ value: c, label: STATUS_LABELS[c] }))}
      />
      <Field name="statusSince" label="Fra dato" type="date" value={s(v.values.statusSince) || v.today} errors={v.errors} required />
      <TextArea
        name="reason"
        label="Begrundelse"
        value={s(v.values.reason)}
        errors={v.errors}
        required
        maxlength={1000}
        hint="Fx politisk beslutning, dato for drøftelse i styregruppen."
      />
      <div class="ramme-actions">
        <button type="submit" class="button button-primary">
          Gem ny status
        </button>
        <a href={`/tilbud/${v.id}`}>Annullér</a>
      </div>
    </form>
  </>
);
