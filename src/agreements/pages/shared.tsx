/**
 * @module Page pieces shared by the agreement pages: the agreement's sub-navigation, status tags (colour plus
 * text), breadcrumbs, form submission with re-rendering on errors, and small formatters (through core/format).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child, FC } from 'hono/jsx';
import { HttpError, notFound, type FieldErrors } from '../../core/errors.js';
import { isStale } from '../../core/version.js';
import { formatDate, formatPercent, formatUpTo } from '../../core/format.js';
import type { AgreementRow } from '../agreements.service.js';
import { sharePercent } from '../logic.js';

export const STYLESHEET = '/static/agreements/aftaler.css';
export const Styles: FC = () => <link rel="stylesheet" href={STYLESHEET} />;

export const Tag: FC<{ tone: string; children: Child }> = ({ tone, children }) => <span class={`ramme-tag ramme-tone-${tone}`}>{children}</span>;

export const agreementUrl = (id: number, sub = '') => `/aftaler/${id}${sub}`;

/** Hidden from the OpenAPI document: every HTML route. */
export const HTML = { schema: { hide: true } } as const;

const TABS: Array<[string, string]> = [
  ['', 'Overblik'],
  ['/indhold', 'Indhold'],
  ['/principper', 'Principper'],
  ['/tidslinje', 'Procesplan'],
  ['/input', 'Input'],
  ['/hoering', 'Høring'],
  ['/godkendelse', 'Godkendelse'],
  ['/dokument', 'Dokument'],
];

export const SubNav: FC<{ agreement: Pick<AgreementRow, 'id' | 'title'>; current: string }> = ({ agreement, current }) => (
  <nav class="ramme-subnav" aria-label={`Sider om ${agreement.title}`}>
    <ul class="nobullet-list">
      {TABS.map(([sub, label]) => (
        <li>
          <a href={agreementUrl(agreement.id, sub)} aria-current={sub === current ? 'page' : undefined}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export const crumbs = (agreement: Pick<AgreementRow, 'id' | 'title'>, label?: string, parent?: { href: string; label: string }) => [
  { href: '/', label: 'Forside' },
  { href: '/aftaler', label: 'Rammeaftaler' },
  ...(label ? [{ href: agreementUrl(agreement.id), label: agreement.title }] : [{ label: agreement.title }]),
  ...(parent ? [parent] : []),
  ...(label ? [{ label }] : []),
];

export const period = (a: Pick<AgreementRow, 'period_start' | 'period_end'>) => `${formatDate(a.period_start)} – ${formatDate(a.period_end)}`;
/** An exact share (0.145) as a whole percentage, rounded half up: "15 %". */
export const pct = (share: string | null) => (share === null ? '–' : formatPercent(sharePercent(share, 0), 0));
/** A measured value with up to two decimals and its unit: "12,5 %". */
export const value = (v: string | null | undefined, unit?: string) => (v === null || v === undefined ? '–' : `${formatUpTo(v, 2)}${unit ? ` ${unit}` : ''}`);

/** Route parameter as a positive integer, or 404. */
export const idParam = (req: FastifyRequest, key = 'id'): number => {
  const v = Number((req.params as Record<string, string>)[key]);
  if (!Number.isInteger(v) || v <= 0 || v > 2147483647) throw notFound();
  return v;
};

export const body = (req: FastifyRequest): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;

/** The user's input and the field errors a form is re-rendered with (status: 409 after a stale save, else 400). */
export type FormState = { values: Record<string, unknown>; errors?: FieldErrors; status?: number };

/** Shown above a content form whose row another user saved after the form was opened (412). */
export const CHANGED_MEANWHILE =
  'En anden har ændret indholdet, mens du redigerede det. Dine ændringer er ikke gemt, men står stadig i formularen. Se aftalens indhold for den andens ændringer, og gem igen, hvis dine stadig skal gælde.';

/**
 * The form state after a refused save: the user's input with the field errors, or after a stale save (412) the
 * input on the version stored now (`current`), with the message that someone else changed it.
 */
export const refusedForm = (values: Record<string, unknown>, errors: FieldErrors, stale: boolean, current?: { version: number }): FormState =>
  stale ? { values: { ...values, version: current?.version }, errors, status: 409 } : { values, errors };
export const blankForm: FormState = { values: {} };

/** Fields `prefix<name>` of a form body as `{ name: value }` (several forms on one page share one body). */
export const prefixed = (b: Record<string, unknown>, p: string) =>
  Object.fromEntries(
    Object.entries(b)
      .filter(([k]) => k.startsWith(p))
      .map(([k, v]) => [k.slice(p.length), v]),
  );
/** Field errors named for the prefixed fields they belong to. */
export const prefixErrors = (e: FieldErrors, p: string) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k === '_' ? k : `${p}${k}`, v]));

/**
 * Runs a form submission: on success redirect (303) to the returned address; on a 400 re-render the form with the
 * user's input and the field errors. Other errors (403, 404, 409) go to the error page.
 */
export async function submit(
  reply: FastifyReply,
  run: () => Promise<string>,
  rerender: (errors: FieldErrors, message: string, stale: boolean) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await run(), 303);
  } catch (error) {
    if (isStale(error)) {
      reply.status(409);
      return rerender({ _: [CHANGED_MEANWHILE] }, CHANGED_MEANWHILE, true);
    }
    if (error instanceof HttpError && error.statusCode === 400) {
      reply.status(400);
      return rerender(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.message, false);
    }
    throw error;
  }
}

/** Strings for form fields from a record (user input or a row). */
export const str = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v));

/** A focus area's goal, content, desired results and who is responsible (MÅL, INDHOLD, ØNSKEDE RESULTATER). */
export const FocusAreaText = (p: { goal: string | null; content: string | null; desiredResults: readonly string[]; responsible: string | null }) => (
  <>
    {p.goal && (
      <p>
        <strong>Mål:</strong> {p.goal}
      </p>
    )}
    {p.content && (
      <p>
        <strong>Indhold:</strong> {p.content}
      </p>
    )}
    {p.desiredResults.length > 0 && (
      <>
        <p>
          <strong>Ønskede resultater:</strong>
        </p>
        <ul>
          {p.desiredResults.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </>
    )}
    {p.responsible && (
      <p>
        <strong>Ansvarlig:</strong> {p.responsible}
      </p>
    )}
  </>
);
