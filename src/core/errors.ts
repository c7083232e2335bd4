/**
 * @module Errors that reach the user. Every message is Danish; field errors name the field.
 */
export type FieldErrors = Record<string, string[]>;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fieldErrors: FieldErrors = {}) => new HttpError(400, message, fieldErrors);
export const forbidden = (message = 'Du har ikke adgang til denne handling.') => new HttpError(403, message);
export const notFound = (message = 'Siden eller posten findes ikke.') => new HttpError(404, message);
export const unauthorized = (message = 'Du skal logge ind.') => new HttpError(401, message);
export const conflict = (message: string) => new HttpError(409, message);

export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}
