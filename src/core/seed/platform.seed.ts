/**
 * @module Demo organisations and users: private providers with fictional CVR numbers, and one demo user per
 * role (the named ones on the login page) plus secretariat and operator users in every area in scope.
 */
import type { SeedContext } from '../capability.js';
import type { Role } from '../auth/actor.js';
import { intBetween, pick } from './random.js';

const PROVIDER_FIRST = [
  'Lyngbakken',
  'Kildegården',
  'Fjordhuset',
  'Skovly',
  'Engholm',
  'Solsikken',
  'Havbrisen',
  'Egebjerg',
  'Lærkereden',
  'Bøgelund',
  'Rosenhaven',
  'Mosegården',
  'Strandly',
  'Birkelund',
  'Nørremark',
  'Vesterled',
  'Østerhøj',
  'Klintebo',
  'Åkanden',
  'Granly',
];
const PROVIDER_KIND = ['ApS', 'A/S', 'Fonden', 'Socialøkonomisk Virksomhed ApS', 'I/S'];

export const DEMO_AREA_BY_SCOPE = { sjaelland: ['sjaelland'], national: ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] } as const;

export async function seedPlatform({ db, scope, random, log }: SeedContext): Promise<void> {
  const areaCodes = DEMO_AREA_BY_SCOPE[scope];
  const areas = await db
    .selectFrom('agreement_area')
    .select(['id', 'code', 'region_id'])
    .where('code', 'in', [...areaCodes])
    .execute();

  // Private providers: about one per 1.5 municipality, spread over the regions in scope.
  const providerRows = [];
  const usedNames = new Set<string>();
  for (const area of areas) {
    const municipalityCount = (await db.selectFrom('municipality_region').select('municipality_code').where('region_id', '=', area.region_id).execute()).length;
    const count = Math.max(6, Math.round(municipalityCount / 1.5));
    for (let i = 0; i < count; i++) {
      let name = '';
      do name = `${pick(random, PROVIDER_FIRST)} ${pick(random, PROVIDER_KIND)}`;
      while (usedNames.has(name) && usedNames.size < PROVIDER_FIRST.length * PROVIDER_KIND.length);
      if (usedNames.has(name)) name = `${name} ${i + 1}`;
      usedNames.add(name);
      providerRows.push({ kind: 'provider' as const, name, cvr: String(intBetween(random, 20000000, 45999999)), region_id: area.region_id });
    }
  }
  await db.insertInto('organisation').values(providerRows).execute();
  log(`${providerRows.length} private leverandører`);

  const org = async (where: { kind: string; municipality?: string; area?: string; region?: string; provider?: boolean }) => {
    let q = db
      .selectFrom('organisation as o')
      .select(['o.id', 'o.name'])
      .where('o.kind', '=', where.kind as never);
    if (where.municipality) q = q.innerJoin('municipality as m', 'm.code', 'o.municipality_code').where('m.name', '=', where.municipality);
    if (where.area) q = q.innerJoin('agreement_area as a', 'a.id', 'o.area_id').where('a.code', '=', where.area);
    if (where.region) q = q.where('o.region_id', '=', where.region);
    return q.orderBy('o.id').executeTakeFirstOrThrow();
  };

  const users: Array<{ username: string; display_name: string; organisation_id: number; roles: Role[] }> = [];
  const holbaek = await org({ kind: 'municipality', municipality: 'Holbæk' });
  const naestved = await org({ kind: 'municipality', municipality: 'Næstved' });
  const firstProvider = await org({ kind: 'provider', region: 'sjaelland' });
  const regionSj = await org({ kind: 'region', region: 'sjaelland' });
  users.push(
    {
      username: 'demo-sekretariat',
      display_name: 'Sara Sekretariat',
      organisation_id: (await org({ kind: 'secretariat', area: 'sjaelland' })).id,
      roles: ['sekretariat'],
    },
    { username: 'demo-myndighed', display_name: 'Mads Myndighed', organisation_id: holbaek.id, roles: ['myndighed'] },
    { username: 'demo-tilbudsoekonomi', display_name: 'Tina Tilbudsøkonomi', organisation_id: holbaek.id, roles: ['tilbudsoekonomi'] },
    { username: 'demo-leverandoer', display_name: 'Lars Leverandør', organisation_id: firstProvider.id, roles: ['leverandoer'] },
    { username: 'demo-laeser', display_name: 'Lise Læser (direktør)', organisation_id: naestved.id, roles: ['laeser'] },
    { username: 'demo-region', display_name: 'Rikke Region', organisation_id: regionSj.id, roles: ['tilbudsoekonomi'] },
    { username: 'demo-naestved', display_name: 'Niels Næstved', organisation_id: naestved.id, roles: ['tilbudsoekonomi', 'myndighed'] },
    { username: 'demo-admin', display_name: 'Anna Administrator', organisation_id: holbaek.id, roles: ['administrator'] },
  );
  for (const area of areas.filter((a) => a.code !== 'sjaelland')) {
    users.push({
      username: `demo-sekretariat-${area.code}`,
      display_name: `Sekretariatet (${area.code})`,
      organisation_id: (await org({ kind: 'secretariat', area: area.code })).id,
      roles: ['sekretariat'],
    });
  }

  for (const u of users) {
    const { id } = await db
      .insertInto('app_user')
      .values({ username: u.username, display_name: u.display_name, organisation_id: u.organisation_id, is_demo: true, password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('user_role')
      .values(u.roles.map((role) => ({ user_id: id, role })))
      .execute();
  }
  log(`${users.length} demobrugere`);
}
