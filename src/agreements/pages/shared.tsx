/**
 * @module Page pieces shared by the agreement pages: the agreement's sub-navigation, status tags (colour plus
 * text), form submission with re-rendering on errors, and small formatters.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child, FC } from 'hono/jsx';
import { HttpError, notFound, type FieldErrors } from '../../core/errors.js';
import { formatDate, formatDecimal } from '../../core/web/components.js';
import type { AgreementRow } from '../agreements.repo.js';
import { isSecretariatFor } from '../access.js';

export const STYLESHEET = '/static/agreements/aftaler.css';
export const Styles: FC = () => <link rel="stylesheet" href={STYLESHEET} />;

export const Tag: FC<{ tone: string; children: Child }> = ({ tone, children }) => <span class={`ramme-tag ramme-tone-${tone}`}>{children}</span>;

export const agreementUrl = (id: number, sub = '') => `/aftaler/${id}${sub}`;

const TABS: Array<[string, string, boolean?]> = [
  ['', 'Overblik'],
  ['/indhold', 'Indhold'],
  ['/principper', 'Principper'],
  ['/tidslinje', 'Procesplan'],
  ['/input', 'Input'],
  ['/hoering', 'Høring'],
  ['/godkendelse', 'Godkendelse'],
  ['/dokument', 'Dokument'],
];

export const SubNav: FC<{ agreement: AgreementRow; current: string; isPublicOnly?: boolean }> = ({ agreement, current, isPublicOnly }) => (
  <nav class="ramme-subnav" aria-label={`Sider om ${agreement.title}`}>
    <ul class="nobullet-list">
      {TABS.filter(([sub]) => !isPublicOnly || sub === '/dokument' || sub === '').map(([sub, label]) => (
        <li>
          <a href={agreementUrl(agreement.id, sub)} aria-current={sub === current ? 'page' : undefined}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export const crumbs = (agreement: AgreementRow, label?: string, parent?: { href: string; label: string }) => [
  { href: '/', label: 'Forside' },
  { href: '/aftaler', label: 'Rammeaftaler' },
  ...(label ? [{ href: agreementUrl(agreement.id), label: agreement.title }] : [{ label: agreement.title }]),
  ...(parent ? [parent] : []),
  ...(label ? [{ label }] : []),
];

export const period = (a: Pick<AgreementRow, 'period_start' | 'period_end'>) => `${formatDate(a.period_start)} – ${formatDate(a.period_end)}`;
export const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
export const value = (v: string | null | undefined, unit?: string) => (v === null || v === undefined ? '–' : `${formatDecimal(v, v.includes('.') ? Math.min(2, v.split('.')[1]!.replace(/0+$/, '').length) : 0)}${unit ? ` ${unit}` : ''}`);

/** Route parameter as a positive integer, or 404. */
export const idParam = (req: FastifyRequest, key = 'id'): number => {
  const v = Number((req.params as Record<string, string>)[key]);
  if (!Number.isInteger(v) || v <= 0 || v > 2147483647) throw notFound();
  return v;
};

export const body = (req: FastifyRequest): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;

/**
 * Runs a form submission: on success redirect (303) to the returned address; on a 400 re-render the form with the
 * user's input and the field errors. Other errors (403, 404, 409) go to the error page.
 */
export async function submit(reply: FastifyReply, run: () => Promise<string>, rerender: (errors: FieldErrors, message: string) => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return reply.redirect(await run(), 303);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400) {
      reply.status(400);
      return rerender(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.message);
    }
    throw error;
  }
}

export const canEdit = (req: FastifyRequest, a: AgreementRow) => isSecretariatFor(req.actor, a);

/** Strings for form fields from a record (user input or a row). */
export const str = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v));
