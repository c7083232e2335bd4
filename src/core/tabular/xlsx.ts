/**
 * @module Excel (.xlsx) writing and reading with exceljs: frozen header, autofilter, Danish number formats.
 */

export type SheetSpec = {
  name: string;
  columns: Array<{ header: string; width?: number; numFmt?: string }>;
  rows: Array<Array<string | number | boolean | Date | null | undefined>>;
};

export async function toXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ramme';
  wb.created = new Date();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)),
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of spec.rows) ws.addRow(r.map((v) => (v === null || v === undefined ? null : v)));
    if (spec.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet as rows of strings (numbers and dates converted to text the importer understands). */
export async function readXlsx(data: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Error('Filen kunne ikke læses som Excel (.xlsx).');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('Excel-filen har intet ark.');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value as unknown;
      values.push(cellText(v));
    }
    rows.push(values);
  });
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text);
  }
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  return String(v);
}
