/**
 * @module CSV in the form Danish Excel opens directly: UTF-8 with BOM, semicolon separator, CRLF, built on
 * csv-parse and csv-stringify. The reader accepts semicolon or comma (detected from the header line), any
 * line ending and quoted fields; rows may have different lengths, and blank rows are left out.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null | undefined;

/** A leading =, +, -, @, tab or carriage return would be run as a formula by spreadsheet programs; plain numbers are fine. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  return neutralise(String(value));
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify(
    [header, ...rows].map((row) => row.map(cellText)),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
      quote: '"',
      escape: '"',
      // Quote exactly what must be quoted: the separator, quotes and line breaks.
      quoted_match: /[";\r\n]/,
      eof: true,
    },
  );
}

/** The separator of the first line (up to the first LF): ';' unless it has more commas than semicolons. */
function separatorOf(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

/** Parses CSV text into rows of strings. Throws an Error with a Danish message on broken quoting. */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parse(input, {
      delimiter: separatorOf(input),
      record_delimiter: ['\r\n', '\n', '\r'],
      quote: '"',
      escape: '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line ? ` (omkring linje ${line})` : '';
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`Filen har et citationstegn, der ikke lukkes${where}.`);
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
      throw new Error(`Filen har tekst lige efter et afsluttende citationstegn${where}. Sæt hele feltet i citationstegn.`);
    throw new Error(`Filen kunne ikke læses som CSV${where}.`);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}
