/**
 * @module Shared page pieces in DKFDS markup: form fields with error messages, error summary, tables,
 * pagination, description lists. JSX escapes every value; `raw` is used only for trusted markup.
 */
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { FieldErrors } from '../errors.js';

export type Option = { value: string; label: string };

const errorId = (name: string) => `${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-fejl`;
const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export const ErrorSummary: FC<{ errors?: FieldErrors; labels?: Record<string, string>; message?: string }> = ({ errors, labels, message }) => {
  const entries = Object.entries(errors ?? {});
  if (!entries.length && !message) return null;
  return (
    <div class="alert alert-error" role="alert" id="fejlopsummering" tabindex={-1}>
      <div class="alert-body">
        <p class="alert-heading">{message ?? 'Der er fejl i formularen'}</p>
        {entries.length > 0 && (
          <ul class="alert-text nobullet-list">
            {entries.map(([field, msgs]) => (
              <li>
                {field === '_' ? (
                  msgs.join(' ')
                ) : (
                  <a href={`#${fieldId(field)}`}>
                    {labels?.[field] ?? field}: {msgs.join(' ')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
};

type FieldProps = {
  name: string;
  label: string;
  value?: string | number | null;
  errors?: FieldErrors;
  hint?: string;
  type?: 'text' | 'number' | 'date' | 'email' | 'password' | 'search' | 'url' | 'tel';
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'text';
  maxlength?: number;
  step?: string;
  min?: string | number;
  max?: string | number;
};

function describedBy(name: string, hint: string | undefined, errs: string[] | undefined) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', errs?.length ? errorId(name) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const FieldFrame: FC<PropsWithChildren<{ name: string; label: string; hint?: string; errs?: string[]; required?: boolean }>> = (p) => (
  <div class={`form-group${p.errs?.length ? ' form-error' : ''}`}>
    <label class="form-label" for={fieldId(p.name)}>
      {p.label}
      {p.required ? <span class="sr-only"> (skal udfyldes)</span> : null}
    </label>
    {p.hint && (
      <span class="form-hint" id={`${fieldId(p.name)}-hint`}>
        {p.hint}
      </span>
    )}
    {p.errs?.length ? (
      <span class="form-error-message" id={errorId(p.name)}>
        <span class="sr-only">Fejl: </span>
        {p.errs.join(' ')}
      </span>
    ) : null}
    {p.children}
  </div>
);

export const Field: FC<FieldProps> = (p) => {
  const errs = p.errors?.[p.name];
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errs={errs} required={p.required}>
      <input
        class="form-input"
        id={fieldId(p.name)}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value === null || p.value === undefined ? '' : String(p.value)}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        step={p.step}
        min={p.min}
        max={p.max}
        aria-invalid={errs?.length ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, errs)}
      />
    </FieldFrame>
  );
};

export const TextArea: FC<Omit<FieldProps, 'type'> & { rows?: number }> = (p) => {
  const errs = p.errors?.[p.name];
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errs={errs} required={p.required}>
      <textarea
        class="form-input"
        id={fieldId(p.name)}
        name={p.name}
        rows={p.rows ?? 4}
        maxlength={p.maxlength}
        aria-invalid={errs?.length ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, errs)}
      >
        {p.value === null || p.value === undefined ? '' : String(p.value)}
      </textarea>
    </FieldFrame>
  );
};

export const Select: FC<{
  name: string;
  label: string;
  options: Option[];
  value?: string | null;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  emptyLabel?: string;
}> = (p) => {
  const errs = p.errors?.[p.name];
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} errs={errs} required={p.required}>
      <select
        class="form-select"
        id={fieldId(p.name)}
        name={p.name}
        aria-invalid={errs?.length ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, errs)}
      >
        {p.emptyLabel !== undefined && <option value="">{p.emptyLabel}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

/** A multi-select shown as a checkbox list (works without JavaScript and with screen readers). */
export const CheckboxGroup: FC<{ name: string; legend: string; options: Option[]; values?: string[]; errors?: FieldErrors; hint?: string }> = (p) => {
  const errs = p.errors?.[p.name];
  return (
    <div class={`form-group${errs?.length ? ' form-error' : ''}`}>
      <fieldset aria-describedby={errs?.length ? errorId(p.name) : undefined} id={fieldId(p.name)}>
        <legend class="form-label">{p.legend}</legend>
        {p.hint && <span class="form-hint">{p.hint}</span>}
        {errs?.length ? (
          <span class="form-error-message" id={errorId(p.name)}>
            <span class="sr-only">Fejl: </span>
            {errs.join(' ')}
          </span>
        ) : null}
        <ul class="nobullet-list">
          {p.options.map((o, i) => (
            <li>
              <div class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`${fieldId(p.name)}-${i}`}
                  name={p.name}
                  value={o.value}
                  checked={p.values?.includes(o.value)}
                />
                <label for={`${fieldId(p.name)}-${i}`}>{o.label}</label>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
};

export const Checkbox: FC<{ name: string; label: string; checked?: boolean; errors?: FieldErrors; hint?: string }> = (p) => {
  const errs = p.errors?.[p.name];
  return (
    <div class={`form-group${errs?.length ? ' form-error' : ''}`}>
      {p.hint && (
        <span class="form-hint" id={`${fieldId(p.name)}-hint`}>
          {p.hint}
        </span>
      )}
      {errs?.length ? (
        <span class="form-error-message" id={errorId(p.name)}>
          <span class="sr-only">Fejl: </span>
          {errs.join(' ')}
        </span>
      ) : null}
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id={fieldId(p.name)}
          name={p.name}
          value="on"
          checked={p.checked}
          aria-invalid={errs?.length ? 'true' : undefined}
          aria-describedby={describedBy(p.name, p.hint, errs)}
        />
        <label for={fieldId(p.name)}>{p.label}</label>
      </div>
    </div>
  );
};

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

export const Alert: FC<PropsWithChildren<{ kind: 'info' | 'success' | 'warning' | 'error'; heading?: string }>> = (p) => (
  <div class={`alert alert-${p.kind}`} role={p.kind === 'error' ? 'alert' : 'status'}>
    <div class="alert-body">
      {p.heading && <p class="alert-heading">{p.heading}</p>}
      <div class="alert-text">{p.children}</div>
    </div>
  </div>
);

export const DescriptionList: FC<{ items: Array<[string, Child]> }> = ({ items }) => (
  <dl class="ramme-dl">
    {items.map(([k, v]) => (
      <>
        <dt>{k}</dt>
        <dd>{v === null || v === undefined || v === '' ? '–' : v}</dd>
      </>
    ))}
  </dl>
);

/** Page links that keep the current query string. `totalShown`: the page already says how many there are, so the count is not repeated. */
export const Pagination: FC<{ page: number; pageCount: number; hrefFor: (page: number) => string; total: number; totalShown?: boolean }> = (p) => {
  if (p.pageCount <= 1) return p.totalShown ? null : <p>{p.total} i alt.</p>;
  const pages = [...new Set([1, p.page - 1, p.page, p.page + 1, p.pageCount])].filter((n) => n >= 1 && n <= p.pageCount).sort((a, b) => a - b);
  return (
    <nav class="ramme-pagination" aria-label="Sider">
      <p>
        Side {p.page} af {p.pageCount}
        {p.totalShown ? '' : ` (${p.total} i alt)`}
      </p>
      <ul class="ramme-pagination__items">
        {p.page > 1 && (
          <li>
            <a href={p.hrefFor(p.page - 1)}>Forrige</a>
          </li>
        )}
        {pages.map((n) => (
          <li>
            {n === p.page ? (
              <span class="ramme-pagination__current" aria-current="page">
                {n}
              </span>
            ) : (
              <a href={p.hrefFor(n)} aria-label={`Side ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {p.page < p.pageCount && (
          <li>
            <a href={p.hrefFor(p.page + 1)}>Næste</a>
          </li>
        )}
      </ul>
    </nav>
  );
};

// Formatting lives in core/format.ts (Intl, da-DK); re-exported here for pages that import it with the components.
export { formatDate, formatDateTime, formatDecimal, formatNumber } from '../format.js';
