/**
 * @module `npm run user -- …`: operator commands for local accounts (there is no self sign-up).
 *
 *   npm run user -- orgs [søgetekst]                              list organisations with their ids
 *   npm run user -- add <brugernavn> --org <id> --roles a,b --name "Fulde navn" [--email x]
 *   npm run user -- password <brugernavn>                         set a new password
 *
 * The password is read from RAMME_PASSWORD or standard input; when neither is given, a random one is made and
 * printed once. Every change is written to the audit log as the system.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../core/config.js';
import { capabilities } from '../capabilities.js';
import { openConfiguredDatabase } from '../core/boot.js';
import { audit } from '../core/audit.js';
import { ROLES, type Role } from '../core/auth/actor.js';
import { hashPassword } from '../core/auth/password.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { org: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
});
const [command, arg] = positionals;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (process.env.RAMME_PASSWORD) return { password: process.env.RAMME_PASSWORD, generated: false };
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    if (text.trim()) return { password: text.trim(), generated: false };
  }
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

if (!command || !['orgs', 'add', 'password'].includes(command)) fail('Brug: npm run user -- orgs [søgetekst] | add <brugernavn> --org <id> --roles a,b --name "Navn" | password <brugernavn>');

const database = await openConfiguredDatabase(readConfig(), capabilities);
const { db } = database;
try {
  if (command === 'orgs') {
    let q = db.selectFrom('organisation').select(['id', 'kind', 'name']).orderBy('kind').orderBy('name');
    if (arg) q = q.where('name', 'ilike', `%${arg}%`);
    for (const o of await q.execute()) console.log(`${String(o.id).padStart(4)}  ${o.kind.padEnd(12)}  ${o.name}`);
  } else if (command === 'add') {
    const username = (arg ?? '').trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,60}$/.test(username)) fail('Brugernavnet skal være 3-60 tegn: små bogstaver, tal, punktum, bindestreg eller understreg.');
    const orgId = Number(values.org);
    const org = Number.isInteger(orgId) ? await db.selectFrom('organisation').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst() : undefined;
    if (!org) fail('Angiv organisationen med --org <id> (find id med "npm run user -- orgs").');
    const roles = (values.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (!roles.length || unknown.length) fail(`Angiv roller med --roles, fx --roles myndighed,laeser. Gyldige: ${ROLES.join(', ')}.${unknown.length ? ` Ukendt: ${unknown.join(', ')}.` : ''}`);
    if (!values.name?.trim()) fail('Angiv brugerens navn med --name "Fulde navn".');
    if (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) fail(`Brugernavnet "${username}" findes allerede.`);
    const { password, generated } = await readPassword();
    if (password.length < 10) fail('Adgangskoden skal være mindst 10 tegn.');
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('app_user')
        .values({ username, display_name: values.name!.trim(), email: values.email ?? null, organisation_id: org!.id, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_role').values(roles.map((role) => ({ user_id: id, role: role as Role }))).execute();
      await audit(trx, null, { entity: 'app_user', entityId: id, action: 'create', after: { username, name: values.name, organisation: org!.name, roles } });
    });
    console.log(`Brugeren ${username} er oprettet i ${org!.name} med rollerne ${roles.join(', ')}.`);
    if (generated) console.log(`Adgangskode (vises kun nu): ${password}`);
  } else {
    const username = (arg ?? '').trim().toLowerCase();
    const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) fail(`Brugeren "${username}" findes ikke.`);
    const { password, generated } = await readPassword();
    if (password.length < 10) fail('Adgangskoden skal være mindst 10 tegn.');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ password_hash: await hashPassword(password) }).where('id', '=', user!.id).execute();
      await trx.deleteFrom('user_session').where('user_id', '=', user!.id).execute();
      await audit(trx, null, { entity: 'app_user', entityId: user!.id, action: 'update', after: { password: 'ændret' } });
    });
    console.log(`Adgangskoden for ${username} er ændret; brugerens sessioner er afsluttet.`);
    if (generated) console.log(`Ny adgangskode (vises kun nu): ${password}`);
  }
} finally {
  await database.close();
}
