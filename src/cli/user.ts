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
import { callContext, createAppContext } from '../core/context.js';
import { clockFromEnv } from '../core/clock.js';
import { HttpError } from '../core/errors.js';
import { createUser, setPassword } from '../core/auth/accounts.service.js';
import { organisations } from '../reference/reference.public.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { org: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
});
const [command, arg] = positionals;
const USAGE = 'Brug: npm run user -- orgs [søgetekst] | add <brugernavn> --org <id> --roles a,b --name "Navn" | password <brugernavn>';

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (process.env.RAMME_PASSWORD) return { password: process.env.RAMME_PASSWORD, generated: false };
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    if (text.trim()) return { password: text.trim(), generated: false };
  }
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

if (!command || !['orgs', 'add', 'password'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}

const config = readConfig();
const database = await openConfiguredDatabase(config, capabilities);
const ctx = callContext(createAppContext({ db: database.db, config, capabilities, clock: clockFromEnv() }), null);
try {
  if (command === 'orgs') {
    for (const o of await organisations(ctx.db, arg)) console.log(`${String(o.id).padStart(4)}  ${o.kind.padEnd(12)}  ${o.name}`);
  } else if (command === 'add') {
    const { password, generated } = await readPassword();
    const roles = (values.roles ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const user = await createUser(ctx, {
      username: arg ?? '',
      displayName: values.name ?? '',
      email: values.email ?? null,
      organisationId: Number(values.org),
      roles,
      password,
    });
    console.log(`Brugeren ${user.username} er oprettet i ${user.organisationName} med rollerne ${user.roles.join(', ')}.`);
    if (generated) console.log(`Adgangskode (vises kun nu): ${password}`);
  } else {
    const username = (arg ?? '').trim().toLowerCase();
    const { password, generated } = await readPassword();
    await setPassword(ctx, username, password);
    console.log(`Adgangskoden for ${username} er ændret; brugerens sessioner er afsluttet.`);
    if (generated) console.log(`Ny adgangskode (vises kun nu): ${password}`);
  }
} catch (error) {
  if (!(error instanceof HttpError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await database.close();
}
