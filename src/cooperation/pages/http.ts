/**
 * @module Small helpers of the cooperation pages: the path id, the form body, and "save and redirect, or show the
 * form again with the Danish field messages" for a refused input (400) or a conflict (409).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { ZIdParams } from '../cooperation.schema.js';

export type FormValues = Record<string, string | string[] | undefined>;

export const HTML = { schema: { hide: true } } as const;
export const pageId = (req: FastifyRequest): number => ZIdParams.parse(req.params ?? {}).id;
export const formBody = (req: FastifyRequest): FormValues => (req.body ?? {}) as FormValues;
export const queryOf = (req: FastifyRequest): FormValues => (req.query ?? {}) as FormValues;
export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? '';
/** Form fields without the CSRF token, for the service's strict schemas. */
export const fields = (b: FormValues, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, one(b[n])]));

/** Saves and redirects; a refused input (400) or a conflict (409) shows the form again with the message. */
export async function saveOrShow(reply: FastifyReply, save: () => Promise<string>, show: (errors: FieldErrors, status: number) => Promise<FastifyReply>) {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409))
      return show(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.statusCode);
    throw error;
  }
}

export const crumbs = [
  { href: '/', label: 'Forside' },
  { href: '/samarbejde', label: 'Samarbejde' },
];

/** As saveOrShow, and a stale version (412: another user saved first) shows the form again like a conflict. */
export const saveOrShowStale = (reply: FastifyReply, save: () => Promise<string>, show: (errors: FieldErrors, status: number) => Promise<FastifyReply>) =>
  saveOrShow(
    reply,
    async () => {
      try {
        return await save();
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 412) throw new HttpError(409, error.message);
        throw error;
      }
    },
    show,
  );
