/**
 * @module Reading a file of existing contracts (CSV or Excel as a table of text), pure: the Danish column headers,
 * every cell checked for CPR-looking text (refused naming the row and column, the value never repeated), each row
 * parsed into an import row or Danish problems per row and column, duplicates within the file found. The service
 * resolves offerings and templates and saves all rows or none.
 */
import { z } from 'zod';
import { CPR_MESSAGE, looksLikeCpr } from '../core/cpr.js';
import { zDate, zOptText, zText } from '../core/validation.js';

export type ImportProblem = { line: number; field: string; message: string };

/** The columns of the import file: header (as in the file), the row's field, required or not, and what it holds. */
export const IMPORT_COLUMNS = [
  { header: 'tilbud_id', field: 'offeringId', isRequired: true, help: 'Tilbuddets ID i Ramme (fra tilbudsregistret).' },
  { header: 'sagsnummer', field: 'caseReference', isRequired: true, help: 'Kommunens eget sagsnummer – aldrig et CPR-nummer.' },
  { header: 'startdato', field: 'startDate', isRequired: true, help: 'Kontraktens start (åååå-mm-dd eller dd-mm-åååå).' },
  { header: 'slutdato', field: 'endDate', isRequired: false, help: 'Aftalt slutdato; tom for en tidsubegrænset kontrakt.' },
  {
    header: 'standardkontrakt',
    field: 'isStandard',
    isRequired: true,
    help: '"ja" for KL’s standardkontrakt; "nej" for kommunens egen skabelon.',
  },
  { header: 'takstniveau', field: 'tariffLevel', isRequired: false, help: 'Det aftalte takstniveau.' },
  { header: 'pris', field: 'tariffPrice', isRequired: false, help: 'Den aftalte pris pr. enhed i kr. (fx 2.345,50).' },
  { header: 'enhed', field: 'tariffUnit', isRequired: false, help: 'Prisens enhed (fx døgn, måned).' },
  { header: 'afdeling', field: 'buyerDepartment', isRequired: false, help: 'Handlekommunens afdeling.' },
  { header: 'kontaktperson', field: 'buyerContactName', isRequired: false, help: 'Kontaktperson hos handlekommunen.' },
  { header: 'forventet_varighed_maaneder', field: 'expectedDurationMonths', isRequired: false, help: 'Forventet varighed i hele måneder.' },
] as const;

export const MAX_IMPORT_ROWS = 10000;

const danishDate = (v: string) => {
  const m = v.match(/^(\d{2})-(\d{2})-(\d{4})$/);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : v;
};
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** "2.345,50" or "2345.50" → "2345.50"; anything else stays and fails the pattern. */
const danishAmount = (v: unknown) =>
  typeof v === 'string' && /^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(v.trim()) ? v.trim().replace(/\./g, '').replace(',', '.') : v;

export const ZImportRow = z.object({
  offeringId: z.coerce.number({ message: 'Skal være et tal.' }).int('Skal være et heltal.').positive('Skal være et tilbuds-ID.').max(2147483647),
  caseReference: zText(60),
  startDate: z.preprocess((v) => (typeof v === 'string' ? danishDate(v.trim()) : v), zDate),
  endDate: z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : danishDate(v.trim())) : v), zDate.nullable()),
  isStandard: z.preprocess(
    (v) => (typeof v === 'string' ? ({ ja: true, nej: false } as Record<string, boolean>)[v.trim().toLowerCase()] : v),
    z.boolean({ message: 'Skriv "ja" (standardkontrakt) eller "nej" (kommunens egen skabelon).' }),
  ),
  tariffLevel: zOptText(100),
  tariffPrice: z.preprocess(
    (v) => danishAmount(emptyToNull(v)),
    z
      .string()
      .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Skriv prisen som et beløb i kr. med højst to decimaler, fx 2.345,50.')
      .nullable(),
  ),
  tariffUnit: zOptText(40),
  buyerDepartment: zOptText(200),
  buyerContactName: zOptText(200),
  expectedDurationMonths: z.preprocess(
    emptyToNull,
    z.coerce.number({ message: 'Skal være et tal.' }).int('Skal være hele måneder.').min(1, 'Mindst 1 måned.').max(240, 'Højst 240 måneder.').nullable(),
  ),
});
export type TImportRow = z.output<typeof ZImportRow>;
export type ParsedRow = { line: number; data: TImportRow };

const normalise = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');
const headerOf = (field: string) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? field;

/** The table as import rows, or the problems of every row and column (then nothing may be saved). */
export function readContractTable(table: string[][]): { rows: ParsedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const [header, ...rest] = table;
  if (!header || header.every((h) => h.trim() === '')) return { rows: [], problems: [{ line: 1, field: '_', message: 'Filen er tom.' }] };
  const index = header.map((h) => IMPORT_COLUMNS.find((c) => c.header === normalise(h)) ?? null);
  header.forEach((h, i) => {
    if (!index[i] && h.trim() !== '') problems.push({ line: 1, field: h.trim().slice(0, 60), message: `Kolonnen "${h.trim().slice(0, 60)}" kendes ikke.` });
  });
  for (const c of IMPORT_COLUMNS)
    if (c.isRequired && !index.includes(c)) problems.push({ line: 1, field: c.header, message: `Kolonnen "${c.header}" mangler.` });
  if (problems.length) return { rows: [], problems };
  const body = rest.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => (c ?? '').trim() !== ''));
  if (body.length === 0) return { rows: [], problems: [{ line: 2, field: '_', message: 'Filen har ingen rækker under overskriften.' }] };
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], problems: [{ line: 1, field: '_', message: 'Højst 10.000 rækker pr. import.' }] };
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const raw: Record<string, string> = {};
    let hasCpr = false;
    cells.forEach((cell, col) => {
      const text = (cell ?? '').trim();
      const c = index[col];
      if (looksLikeCpr(text)) {
        hasCpr = true;
        problems.push({ line, field: c?.header ?? header[col]?.trim() ?? `kolonne ${col + 1}`, message: CPR_MESSAGE });
      } else if (c) raw[c.field] = text;
    });
    if (hasCpr) continue;
    const parsed = ZImportRow.safeParse(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, raw[c.field] ?? ''])));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, field: headerOf(String(issue.path[0] ?? '_')), message: issue.message });
      continue;
    }
    const d = parsed.data;
    if (d.endDate !== null && d.endDate < d.startDate) {
      problems.push({ line, field: 'slutdato', message: 'Slutdatoen kan ikke ligge før startdatoen.' });
      continue;
    }
    const key = `${d.offeringId}|${d.caseReference.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, field: 'sagsnummer', message: `Samme sagsnummer og tilbud står også i række ${earlier}.` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, data: d });
  }
  return { rows, problems };
}
