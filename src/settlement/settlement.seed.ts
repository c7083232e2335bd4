/**
 * @module Settlement's demo data: an invented EAN number (GLN, valid check digit, Danish prefix 5798) for every
 * municipality, region and provider, so that every statement can be sent as an electronic invoice. Deterministic
 * from the organisation's id.
 */
import { sql } from 'kysely';
import type { SeedContext } from '../core/capability.js';

/** The GS1 check digit of 12 digits: weights 1 and 3 alternating from the left. */
export function glnCheckDigit(twelve: string): number {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** The demo EAN of an organisation: 5798 9 + the id in 7 digits + the check digit. */
export const demoEan = (organisationId: number): string => {
  const twelve = `57989${String(organisationId).padStart(7, '0')}`;
  return `${twelve}${glnCheckDigit(twelve)}`;
};

export async function seedSettlement({ db, log }: SeedContext): Promise<void> {
  const orgs = await db.selectFrom('organisation').select('id').where('kind', '<>', 'secretariat').execute();
  const rows = orgs.map((o) => ({ id: o.id, ean: demoEan(o.id) }));
  await sql`
    insert into settlement_party (organisation_id, ean)
    select x.id, x.ean from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id integer, ean text)
    on conflict (organisation_id) do nothing
  `.execute(db);
  log(`Afregning: EAN-numre for ${rows.length} organisationer.`);
}
