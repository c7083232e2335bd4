/**
 * @module The offerings register as a table for export and import: one column list, so a file exported
 * from Ramme can be edited and imported again. Code columns are what the importer reads; name columns
 * are for people and ignored on import.
 */
import { copenhagenDate } from '../core/clock.js';
import type { OfferingExportRow } from './offerings.repository.js';
import { PROTECTION_LABELS, STATUS_LABELS } from './offerings.table.js';

type Column = {
  header: string;
  /** Input field filled from this column on import; absent for read-only columns. */
  field?: string;
  kind?: 'int' | 'list' | 'bool' | 'date' | 'text';
  /** The header this code column had before exports carried labels: still read as codes when a file has no "(kode)" column. */
  legacyHeader?: string;
  value: (r: OfferingExportRow) => string | number | boolean | null;
};

/**
 * People read the Danish labels; the importer reads the "(kode)" columns next to them. A file from before
 * the labels (codes under the plain header, no "(kode)" column) is still read as codes.
 */
export const COLUMNS: Column[] = [
  { header: 'ID', value: (r) => r.offering_id },
  { header: 'Navn', field: 'name', value: (r) => r.offering_name },
  { header: 'Driftsherre-ID', field: 'operatorOrganisationId', kind: 'int', value: (r) => r.operator_org_id },
  { header: 'Driftsherre', value: (r) => r.operator_name },
  { header: 'Driftsform', value: (r) => r.operator_type_name },
  { header: 'Driftsform (kode)', legacyHeader: 'Driftsform', field: 'operatorType', value: (r) => r.operator_type },
  { header: 'Adresse', field: 'address', value: (r) => r.address },
  { header: 'Postnummer', field: 'postalCode', value: (r) => r.postal_code },
  { header: 'By', field: 'city', value: (r) => r.city },
  { header: 'Kommunekode', field: 'municipalityCode', kind: 'int', value: (r) => r.municipality_code },
  { header: 'Kommune', value: (r) => r.municipality_name },
  { header: 'Tilbudstype', value: (r) => r.offering_type_name },
  { header: 'Tilbudstype (kode)', legacyHeader: 'Tilbudstype', field: 'offeringType', value: (r) => r.offering_type },
  { header: 'Primært lovgrundlag', value: (r) => r.legal_basis_label },
  { header: 'Primært lovgrundlag (kode)', legacyHeader: 'Primært lovgrundlag', field: 'primaryLegalBasis', value: (r) => r.primary_legal_basis },
  { header: 'Øvrige lovgrundlag', value: (r) => r.extra_legal_basis_labels ?? '' },
  { header: 'Øvrige lovgrundlag (koder)', legacyHeader: 'Øvrige lovgrundlag', field: 'extraLegalBases', kind: 'list', value: (r) => r.extra_legal_bases ?? '' },
  { header: 'Målgrupper', value: (r) => r.target_group_names ?? '' },
  { header: 'Målgrupper (koder)', legacyHeader: 'Målgrupper', field: 'targetGroups', kind: 'list', value: (r) => r.target_group_codes ?? '' },
  { header: 'Normerede pladser', field: 'places', kind: 'int', value: (r) => r.places },
  { header: 'Alder fra', field: 'ageMin', kind: 'int', value: (r) => r.age_min },
  { header: 'Alder til', field: 'ageMax', kind: 'int', value: (r) => r.age_max },
  { header: 'Status', value: (r) => STATUS_LABELS[r.status] },
  { header: 'Status (kode)', legacyHeader: 'Status', field: 'status', value: (r) => r.status },
  { header: 'Status siden', field: 'statusSince', kind: 'date', value: (r) => r.status_since },
  { header: 'Socialtilsyn', value: (r) => r.socialtilsyn_name },
  { header: 'Socialtilsyn (kode)', legacyHeader: 'Socialtilsyn', field: 'socialtilsynCode', value: (r) => r.socialtilsyn_code },
  { header: 'Godkendt dato', field: 'approvalDate', kind: 'date', value: (r) => r.approval_date },
  { header: 'Omfattet af rammeaftalen', field: 'isCovered', kind: 'bool', value: (r) => (r.is_covered ? 'Ja' : 'Nej') },
  { header: 'Beskyttelse', value: (r) => PROTECTION_LABELS[r.protection] },
  { header: 'Beskyttelse (kode)', legacyHeader: 'Beskyttelse', field: 'protection', value: (r) => r.protection },
  { header: 'Beskrivelse', field: 'description', value: (r) => r.description },
  { header: 'Kontaktperson', field: 'contactName', value: (r) => r.contact_name },
  { header: 'E-mail', field: 'contactEmail', value: (r) => r.contact_email },
  { header: 'Telefon', field: 'contactPhone', value: (r) => r.contact_phone },
  { header: 'Senest opdateret', value: (r) => copenhagenDate(r.updated_at) },
];

export const exportHeader = () => COLUMNS.map((c) => c.header);
export const exportRow = (r: OfferingExportRow) => COLUMNS.map((c) => c.value(r));

const normalise = (h: string) => h.trim().toLowerCase();

export type ImportRow = { line: number; id: number | null; data: Record<string, unknown> };
export type ImportProblem = { line: number; field: string; message: string };

/**
 * Turns file rows (first row = header) into import rows. Cells are converted to the input's types; a cell
 * that cannot be converted is reported with its line and column, and the raw text is passed on so the
 * schema names the problem too.
 */
export function rowsToImport(table: string[][]): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const [header, ...body] = table;
  if (!header) return { rows: [], problems: [{ line: 1, field: '_', message: 'Filen er tom.' }] };
  const byHeader = new Map(COLUMNS.map((c) => [normalise(c.header), c]));
  const present = new Set(header.map(normalise));
  const legacy = new Map(COLUMNS.filter((c) => c.legacyHeader && !present.has(normalise(c.header))).map((c) => [normalise(c.legacyHeader!), c]));
  const index = header.map((h) => legacy.get(normalise(h)) ?? byHeader.get(normalise(h)) ?? null);
  const required = COLUMNS.filter(
    (c) =>
      c.field &&
      ![
        'extraLegalBases',
        'approvalDate',
        'description',
        'contactName',
        'contactEmail',
        'contactPhone',
        'isCovered',
        'protection',
        'status',
        'operatorOrganisationId',
      ].includes(c.field),
  );
  for (const c of required) if (!index.includes(c)) problems.push({ line: 1, field: c.header, message: `Kolonnen "${c.header}" mangler.` });
  if (problems.length) return { rows: [], problems };
  if (body.length === 0) return { rows: [], problems: [{ line: 2, field: '_', message: 'Filen har ingen rækker under overskriften.' }] };
  if (body.length > 10000) return { rows: [], problems: [{ line: 1, field: '_', message: 'Højst 10.000 rækker pr. import.' }] };
  const rows = body.map((cells, i) => {
    const line = i + 2;
    const data: Record<string, unknown> = {};
    let id: number | null = null;
    cells.forEach((raw, col) => {
      const c = index[col];
      const text = (raw ?? '').trim();
      if (!c) return;
      if (c.header === 'ID') {
        if (text === '') return;
        if (/^\d+$/.test(text)) id = Number(text);
        else problems.push({ line, field: 'ID', message: 'ID skal være et heltal eller tomt (tomt = nyt tilbud).' });
        return;
      }
      if (!c.field) return;
      if (text === '' && c.kind !== 'list') {
        if (['approvalDate', 'description', 'contactName', 'contactEmail', 'contactPhone'].includes(c.field)) data[c.field] = null;
        return;
      }
      switch (c.kind) {
        case 'int':
          data[c.field] = /^-?\d+$/.test(text) ? Number(text) : text;
          break;
        case 'list':
          data[c.field] =
            text === ''
              ? []
              : text
                  .split(/[,;]/)
                  .map((s) => s.trim())
                  .filter(Boolean);
          break;
        case 'bool':
          data[c.field] = ['ja', 'j', 'true', '1', 'x'].includes(text.toLowerCase())
            ? true
            : ['nej', 'n', 'false', '0'].includes(text.toLowerCase())
              ? false
              : text;
          break;
        case 'date': {
          const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
          data[c.field] = dk ? `${dk[3]}-${dk[2]!.padStart(2, '0')}-${dk[1]!.padStart(2, '0')}` : text;
          break;
        }
        default:
          data[c.field] = text;
      }
    });
    return { line, id, data };
  });
  return { rows, problems };
}

export const headerLabel = (field: string) => COLUMNS.find((c) => c.field === field)?.header ?? field;
