/**
 * @module Reading Statistics Denmark's Statistikbanken CSV as it is served: UTF-8 (with or without BOM),
 * semicolons, a header of the table's variable codes ending in `TID;INDHOLD`, values as codes (`101`), text
 * (`København`) or both (`101 København`), time as `2024`, `2024K1`, `2024M01`, and `..` for a suppressed value.
 * Pure: the caller passes the municipalities; the result is either every yearly row or the problems per line
 * (all or nothing).
 *
 * What each kind of table becomes, per municipality and year:
 * - population (FOLK1A, FOLK1AM) and projections (FRKM1yy): the age bands 0-17, 0-22, 18-64 and all ages, from
 *   single years of age (or age groups that lie inside a band); the year's figure is its first period in the file
 *   (1 January for quarterly and monthly tables);
 * - recipients (HAND tables): per service type (the `YDELSE…` variable), the mean of the year's periods;
 * - spending (REGK31): per function 5.28.xx and 5.38.xx (others are left out and counted), the sum of the year's
 *   periods, in the table's unit (1.000 kr.).
 * Rows for the whole country (000) and regions or landsdele are left out (they are sums of the municipalities).
 * Any other variable must have one value in the file, or a total (`I alt`, `TOT`) whose rows are the ones used.
 */
import { Dec } from './decimal.js';

export const SERIES_KINDS = ['population', 'projection', 'recipients', 'spending'] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];

export const AGE_BANDS = ['0-17', '0-22', '18-64', 'alle'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
const BAND_RANGES: Record<Exclude<AgeBand, 'alle'>, [number, number]> = { '0-17': [0, 17], '0-22': [0, 22], '18-64': [18, 64] };

/** What a table id says about the table: its kind, the variable that splits it, its unit and scale to kroner/persons. */
export type TableInfo = { tableId: string; kind: SeriesKind; keyColumn: RegExp; keyName: string; unit: string; scale: string };

/** The table kinds Ramme reads, by table id; null for any other table. */
export function tableInfo(tableId: string): TableInfo | null {
  const id = tableId.trim().toUpperCase();
  if (id === 'FOLK1A' || id === 'FOLK1AM') return { tableId: id, kind: 'population', keyColumn: /^ALDER$/, keyName: 'ALDER', unit: 'personer', scale: '1' };
  if (/^FRKM1\d{2}$/.test(id)) return { tableId: id, kind: 'projection', keyColumn: /^ALDER$/, keyName: 'ALDER', unit: 'personer', scale: '1' };
  if (/^HAND\d{2}[A-Z]?$/.test(id)) return { tableId: id, kind: 'recipients', keyColumn: /^YDELSE/, keyName: 'YDELSESTYPE', unit: 'modtagere', scale: '1' };
  if (id === 'REGK31') return { tableId: id, kind: 'spending', keyColumn: /^FUNKTION$/, keyName: 'FUNKTION', unit: '1.000 kr.', scale: '1000' };
  return null;
}

export type StatRow = {
  municipalityCode: number;
  year: number;
  /** Age band, service type code or function code ('5.38.50'). */
  category: string;
  /** The category as the file named it, e.g. '5.38.50 Botilbud til længerevarende ophold (§ 108)'. */
  label: string;
  /** In the table's unit; null when suppressed (`..`). */
  value: string | null;
  /** The file's lines behind the figure. */
  lines: number[];
};

export type StatProblem = { line: number; message: string };
export type StatParse =
  | { ok: true; info: TableInfo; rows: StatRow[]; aggregatesLeftOut: number; otherCategoriesLeftOut: number; lineCount: number }
  | { ok: false; problems: StatProblem[] };

const TOTALS = new Set(['i alt', 'tot', 'ialt', 'total', 'hele landet', 'alle']);
const isTotal = (v: string) => TOTALS.has(v.trim().toLowerCase()) || /^(tot|ialt)\b/i.test(v.trim());

/** '2024' → 2024, '2024K1' / '2024Q1' → 2024 (quarter 1), '2024M01' → 2024; null when not a time code. */
export function parsePeriod(value: string): { year: number; sub: number } | null {
  const m = /^(\d{4})(?:([KQ])([1-4])|M(0[1-9]|1[0-2])|M(0[1-9]|1[0-2])D\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const sub = m[3] ? (Number(m[3]) - 1) * 3 + 1 : Number(m[4] ?? m[5] ?? 1);
  return { year: Number(m[1]), sub };
}

/** INDHOLD: '1234', '1.234' (never thousands here: a point is a decimal point), '1234,5', '-12' → decimal string; '..' → null. */
export function parseContent(value: string): { value: string | null } | null {
  const v = value.trim();
  if (v === '..' || v === '.' || v === '-') return { value: null };
  if (!/^-?\d{1,15}([.,]\d{1,6})?$/.test(v)) return null;
  return { value: new Dec(v.replace(',', '.')).toFixed() };
}

export type AreaMatch = { kind: 'municipality'; code: number } | { kind: 'aggregate' } | { kind: 'unknown' };

/** '101', '0101', '101 København', 'København', 'København Kommune'; 000, two-digit codes and regions are aggregates. */
export function matchArea(value: string, byCode: ReadonlyMap<number, string>, byName: ReadonlyMap<string, number>): AreaMatch {
  const v = value.trim();
  const m = /^(\d{1,4})(?:\s+(.*))?$/.exec(v);
  if (m) {
    const digits = m[1]!;
    const code = Number(digits);
    if (code === 0 || (digits.length <= 2 && code >= 1 && code <= 99) || (code >= 81 && code <= 85)) return { kind: 'aggregate' };
    return byCode.has(code) ? { kind: 'municipality', code } : { kind: 'unknown' };
  }
  const name = v.toLowerCase().replace(/\s+kommune$/, '');
  if (isTotal(v) || /^region\b/.test(name) || /^landsdel\b/.test(name)) return { kind: 'aggregate' };
  const code = byName.get(name);
  return code === undefined ? { kind: 'unknown' } : { kind: 'municipality', code };
}

/** The bands an age value counts in: '17 år', '17', '0-4 år', '100 år og derover'; null when not an age. */
export function bandsOfAge(value: string): { bands: AgeBand[]; isTotal: boolean } | { straddles: string } | null {
  const v = value.trim().toLowerCase();
  if (isTotal(v)) return { bands: ['alle'], isTotal: true };
  const m = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?(\s*år)?(\s+og\s+(derover|over))?$/.exec(v);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[4] ? 999 : Number(m[2] ?? m[1]);
  const bands: AgeBand[] = [];
  for (const [band, [a, b]] of Object.entries(BAND_RANGES) as [AgeBand, [number, number]][]) {
    if (lo >= a && hi <= b) bands.push(band);
    else if (lo <= b && hi >= a) return { straddles: band };
  }
  return { bands, isTotal: false };
}

/** '5.38.50 Botilbud …', '53850', '538.50', '5.38.50' → '5.38.50'; null when not a function number. */
export function functionCode(value: string): string | null {
  const m = /^(\d)\.?(\d{2})\.?(\d{2})\b/.exec(value.trim());
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** Service type code: the leading number ('30181 § 108 …' → '30181'), or the whole text when it has none. */
const serviceCode = (value: string) => /^(\d{3,6})\b/.exec(value.trim())?.[1] ?? value.trim();

function splitLine(line: string): string[] {
  return line.split(';').map((c) => {
    const t = c.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
  });
}

type Acc = { municipalityCode: number; year: number; category: string; label: string; values: Map<number, Dec | null>; lines: Map<number, number[]> };

/**
 * Reads one file of `tableId`. `municipalities`: code → name of the 98 municipalities. At most `maxProblems`
 * problems are listed.
 */
export function parseStatbankCsv(text: string, tableId: string, municipalities: ReadonlyMap<number, string>, maxProblems = 200): StatParse {
  const info = tableInfo(tableId);
  if (!info)
    return {
      ok: false,
      problems: [{ line: 0, message: `Tabellen "${tableId}" kan ikke indlæses. Brug FOLK1A, FOLK1AM, FRKM1åå, en HAND-tabel eller REGK31.` }],
    };
  if (text.includes('\u0000')) return { ok: false, problems: [{ line: 0, message: 'Filen er ikke en tekstfil (CSV) fra Statistikbanken.' }] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = splitLine(lines[0] ?? '').map((h) => h.toUpperCase());
  const col = (name: string | RegExp) => header.findIndex((h) => (typeof name === 'string' ? h === name : name.test(h)));
  const iArea = col('OMRÅDE');
  const iTime = col('TID');
  const iContent = col('INDHOLD');
  const iKey = col(info.keyColumn);
  const missing = [iArea < 0 && 'OMRÅDE', iKey < 0 && info.keyName, iTime < 0 && 'TID', iContent < 0 && 'INDHOLD'].filter(Boolean);
  if (missing.length)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          message: `Filen ligner ikke tabellen ${info.tableId}: overskriften skal have ${missing.join(', ')} (den har ${header.join(';') || 'ingen kolonner'}).`,
        },
      ],
    };
  const others = header.map((h, i) => ({ h, i })).filter(({ i }) => ![iArea, iTime, iContent, iKey].includes(i));

  const problems: StatProblem[] = [];
  const add = (line: number, message: string) => {
    if (problems.length < maxProblems) problems.push({ line, message });
  };
  type Parsed = { line: number; cells: string[] };
  const parsed: Parsed[] = [];
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '') continue;
    const cells = splitLine(raw);
    if (cells.length !== header.length) add(n + 1, `Rækken har ${cells.length} felter; overskriften har ${header.length}.`);
    else parsed.push({ line: n + 1, cells });
  }
  if (!parsed.length && !problems.length) add(2, 'Filen har ingen rækker under overskriften.');

  // Other variables: one value, or keep only their total.
  const keepOther = new Map<number, string | null>();
  for (const { h, i } of others) {
    const values = [...new Set(parsed.map((p) => p.cells[i]!))];
    if (values.length <= 1) keepOther.set(i, null);
    else {
      const total = values.find(isTotal);
      if (total) keepOther.set(i, total);
      else add(1, `Variablen ${h} har flere værdier (${values.slice(0, 4).join(', ')}${values.length > 4 ? ' …' : ''}). Hent kun én værdi eller "I alt".`);
    }
  }

  const byCode = municipalities;
  const byName = new Map([...municipalities].map(([code, name]) => [name.toLowerCase(), code]));
  const acc = new Map<string, Acc>();
  let aggregatesLeftOut = 0;
  let otherCategoriesLeftOut = 0;
  const seen = new Map<string, number>();
  for (const { line, cells } of parsed) {
    if ([...keepOther].some(([i, total]) => total !== null && cells[i] !== total)) continue;
    const area = matchArea(cells[iArea]!, byCode, byName);
    if (area.kind === 'aggregate') {
      aggregatesLeftOut++;
      continue;
    }
    if (area.kind === 'unknown') {
      add(line, `Ukendt kommune "${cells[iArea]}" i OMRÅDE.`);
      continue;
    }
    const period = parsePeriod(cells[iTime]!);
    if (!period) {
      add(line, `Ukendt tid "${cells[iTime]}" i TID (brug fx 2024, 2024K1 eller 2024M01).`);
      continue;
    }
    const content = parseContent(cells[iContent]!);
    if (!content) {
      add(line, `INDHOLD "${cells[iContent]}" er ikke et tal (".." betyder udeladt).`);
      continue;
    }
    const keyValue = cells[iKey]!;
    let categories: string[];
    if (info.kind === 'population' || info.kind === 'projection') {
      const b = bandsOfAge(keyValue);
      if (!b) {
        add(line, `Ukendt alder "${keyValue}" i ALDER.`);
        continue;
      }
      if ('straddles' in b) {
        add(line, `Aldersgruppen "${keyValue}" går på tværs af aldersgruppen ${b.straddles} år. Hent enkeltår.`);
        continue;
      }
      categories = b.bands;
    } else if (info.kind === 'spending') {
      const f = functionCode(keyValue);
      if (!f) {
        if (isTotal(keyValue) || /^\d\.?\d{2}\b/.test(keyValue.trim())) {
          otherCategoriesLeftOut++;
          continue;
        }
        add(line, `Ukendt funktion "${keyValue}" i FUNKTION (fx 5.38.50).`);
        continue;
      }
      if (!f.startsWith('5.38.') && !f.startsWith('5.28.')) {
        otherCategoriesLeftOut++;
        continue;
      }
      categories = [f];
    } else {
      if (isTotal(keyValue)) {
        otherCategoriesLeftOut++;
        continue;
      }
      categories = [serviceCode(keyValue)];
    }
    const dupKey = `${area.code}|${cells[iTime]}|${keyValue}`;
    const earlier = seen.get(dupKey);
    if (earlier !== undefined) {
      add(line, `Rækken gentager række ${earlier} (samme område, ${info.keyName} og tid).`);
      continue;
    }
    seen.set(dupKey, line);
    const value = content.value === null ? null : new Dec(content.value);
    for (const category of categories) {
      const k = `${area.code}|${period.year}|${category}`;
      let a = acc.get(k);
      if (!a) {
        a = {
          municipalityCode: area.code,
          year: period.year,
          category,
          label: info.kind === 'population' || info.kind === 'projection' ? `${category} år` : keyValue,
          values: new Map(),
          lines: new Map(),
        };
        acc.set(k, a);
      }
      a.lines.set(period.sub, [...(a.lines.get(period.sub) ?? []), line]);
      // Population bands sum the ages of one period; the periods are combined below.
      const prev = a.values.get(period.sub);
      a.values.set(period.sub, prev === undefined ? value : prev === null || value === null ? null : prev.plus(value));
    }
  }
  if (problems.length) return { ok: false, problems };

  const rows: StatRow[] = [];
  for (const a of acc.values()) {
    const subs = [...a.values.keys()].sort((x, y) => x - y);
    let value: Dec | null;
    const isStock = info.kind === 'population' || info.kind === 'projection';
    const used = isStock ? subs.slice(0, 1) : subs;
    if (isStock) value = a.values.get(subs[0]!) ?? null;
    else {
      const vs = subs.map((s) => a.values.get(s)!);
      if (vs.some((v) => v === null)) value = null;
      else {
        const sum = (vs as Dec[]).reduce((s, v) => s.plus(v), new Dec(0));
        value = info.kind === 'recipients' ? sum.div(vs.length) : sum;
      }
    }
    rows.push({
      municipalityCode: a.municipalityCode,
      year: a.year,
      category: a.category,
      label: a.label,
      value: value === null ? null : value.toDecimalPlaces(6).toFixed(),
      lines: used.flatMap((u) => a.lines.get(u) ?? []),
    });
  }
  rows.sort((x, y) => x.municipalityCode - y.municipalityCode || x.year - y.year || x.category.localeCompare(y.category));
  return { ok: true, info, rows, aggregatesLeftOut, otherCategoriesLeftOut, lineCount: parsed.length };
}
