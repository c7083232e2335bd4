/**
 * @module Form fields (strings) to and from the offering input: numbers that are not numbers stay text so the
 * schema can name them, lists may arrive as one value or many, a checkbox is 'on' or missing.
 */
export type FormValues = Record<string, string | string[] | undefined>;

/** Form fields (all strings) → the shape ZOfferingInput validates. Numbers that are not numbers stay text so the schema names them. */
export function formToInput(body: FormValues): Record<string, unknown> {
  const str = (k: string) => (Array.isArray(body[k]) ? (body[k] as string[])[0] : (body[k] as string | undefined)) ?? '';
  const num = (k: string) => {
    const v = str(k).trim();
    return v === '' ? undefined : /^-?\d+$/.test(v) ? Number(v) : v;
  };
  const list = (k: string) => (body[k] === undefined ? [] : Array.isArray(body[k]) ? (body[k] as string[]) : [body[k] as string]).filter((v) => v !== '');
  return {
    name: str('name'),
    operatorOrganisationId: num('operatorOrganisationId'),
    operatorType: str('operatorType'),
    address: str('address'),
    postalCode: str('postalCode'),
    city: str('city'),
    municipalityCode: num('municipalityCode'),
    offeringType: str('offeringType'),
    primaryLegalBasis: str('primaryLegalBasis'),
    extraLegalBases: list('extraLegalBases'),
    targetGroups: list('targetGroups'),
    places: num('places'),
    ageMin: num('ageMin'),
    ageMax: num('ageMax'),
    status: str('status') || 'aktiv',
    statusSince: str('statusSince'),
    socialtilsynCode: str('socialtilsynCode'),
    approvalDate: str('approvalDate') || null,
    isCovered: str('isCovered') === 'on',
    protection: str('protection') || 'ingen',
    description: str('description'),
    contactName: str('contactName'),
    contactEmail: str('contactEmail'),
    contactPhone: str('contactPhone'),
  };
}

export function inputToForm(v: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, val] of Object.entries(v)) {
    if (Array.isArray(val)) out[k] = val.map(String);
    else if (typeof val === 'boolean') out[k] = val ? 'on' : undefined;
    else out[k] = val === null || val === undefined ? '' : String(val);
  }
  return out;
}

/** The first value of a form field ('' when missing). */
export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? '';
