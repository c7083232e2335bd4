/**
 * @module What the tariff page routes share: reading route parameters (anything invalid is a page that does not
 * exist), form bodies and query flags, live fragments (rendered without the page shell), and telling a form's
 * own errors (400, 409: shown on the page) from the rest.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, notFound } from '../../core/errors.js';

export const zPageId = z.coerce.number().int().positive().max(2147483647);
export const zPageYear = z.coerce.number().int().min(2000).max(2100);

/** The route's parameters, or 404: a malformed address is a page that does not exist. */
export function paramsOf<S extends z.ZodType>(schema: S, req: FastifyRequest, message = 'Siden findes ikke.'): z.infer<S> {
  const p = schema.safeParse(req.params);
  if (!p.success) throw notFound(message);
  return p.data;
}

export type FormFields = Record<string, string | string[] | undefined>;
export const formOf = (req: FastifyRequest): FormFields => (req.body ?? {}) as FormFields;
export const fieldOf = (req: FastifyRequest, name: string): string | undefined => {
  const v = formOf(req)[name];
  return Array.isArray(v) ? v[0] : v;
};
export const queryOf = (req: FastifyRequest): Record<string, string | undefined> => (req.query ?? {}) as Record<string, string | undefined>;

export const isFragment = (req: FastifyRequest) => req.headers['x-ramme-fragment'] === '1';

/** Renders a JSX fragment without the page shell (for data-live-url updates). */
export async function sendFragment(reply: FastifyReply, node: unknown) {
  return reply.type('text/html; charset=utf-8').send(await String(await (node as { toString(): Promise<string> }).toString()));
}

/** A refusal of the form's input or of the version's state: shown on the page with the form, not as an error page. */
export const isFormError = (error: unknown): error is HttpError => error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409);

/** Sends a file download. */
export const sendFile = (reply: FastifyReply, type: string, file: { filename: string; body: string | Buffer }) =>
  reply.type(type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
