/**
 * @module The CPR guard. Ramme never stores a CPR number (a product decision): a citizen appears only as the
 * buyer's own case reference. Any free-text field a citizen's data could land in refuses text that looks like
 * one — `ddmmyy-nnnn`, or ten digits in a row that start with a valid date `ddmmyy` — with a Danish message
 * that names the field and never repeats the value. Near misses pass: phone numbers (8 digits, spaced or not),
 * CVR (8 digits), EAN (13 digits), dates, amounts.
 */
import { z } from 'zod';

export const CPR_MESSAGE = 'Må ikke indeholde et CPR-nummer. Brug jeres eget sagsnummer, og skriv ikke borgerens CPR-nummer.';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** `ddmmyy` is a calendar date in some century (29 February counts: some century has it as a leap day). */
export function isCprDate(ddmmyy: string): boolean {
  if (!/^\d{6}$/.test(ddmmyy)) return false;
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

// Digit runs standing on their own (no digit right before or after): "ddmmyy-nnnn" and exactly ten digits.
const DASHED = /(?<!\d)(\d{6})[-\u2010\u2011\u2013](\d{4})(?!\d)/g;
const TEN_DIGITS = /(?<!\d)(\d{10})(?!\d)/g;

/** Does the text contain something that looks like a CPR number? */
export function looksLikeCpr(text: string): boolean {
  for (const m of text.matchAll(DASHED)) if (isCprDate(m[1]!)) return true;
  for (const m of text.matchAll(TEN_DIGITS)) if (isCprDate(m[1]!.slice(0, 6))) return true;
  return false;
}

/** Zod refinement for a text field: refuses CPR-like content (the issue lands on the field's own path). */
export const noCpr = (value: string | null | undefined): boolean => !value || !looksLikeCpr(value);

/** A trimmed free-text field of at most `max` characters that refuses CPR numbers. */
export const zFreeText = (max: number) => z.string().trim().max(max).refine(noCpr, { message: CPR_MESSAGE });
