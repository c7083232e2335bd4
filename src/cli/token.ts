/**
 * @module `npm run token -- <brugernavn> [navn]`: creates a personal API token for a user (valid 90 days) and prints it.
 */
import { readConfig } from '../core/config.js';
import { capabilities } from '../capabilities.js';
import { openConfiguredDatabase } from '../core/boot.js';
import { callContext, createAppContext } from '../core/context.js';
import { clockFromEnv } from '../core/clock.js';
import { HttpError } from '../core/errors.js';
import { issueApiToken } from '../core/auth/auth.service.js';

const [username, name = 'Oprettet med npm run token'] = process.argv.slice(2);
if (!username) {
  console.error('Brug: npm run token -- <brugernavn> [navn på nøglen]');
  process.exit(2);
}
const config = readConfig();
const database = await openConfiguredDatabase(config, capabilities);
try {
  const app = createAppContext({ db: database.db, config, capabilities, clock: clockFromEnv() });
  const { token, expiresOn } = await issueApiToken(callContext(app, null), username, name);
  console.error(`Nøglen virker til og med ${expiresOn}.`);
  console.log(token);
} catch (error) {
  if (!(error instanceof HttpError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
