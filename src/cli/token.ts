/**
 * @module `npm run token -- <brugernavn> [navn]`: creates a personal API token for a user and prints it.
 */
import { readConfig } from '../core/config.js';
import { capabilities } from '../capabilities.js';
import { openConfiguredDatabase } from '../core/boot.js';
import { createApiToken } from '../core/auth/auth.service.js';

const [username, name = 'Oprettet med npm run token'] = process.argv.slice(2);
if (!username) {
  console.error('Brug: npm run token -- <brugernavn> [navn på nøglen]');
  process.exit(2);
}
const database = await openConfiguredDatabase(readConfig(), capabilities);
try {
  const user = await database.db.selectFrom('app_user').select(['id', 'is_active']).where('username', '=', username).executeTakeFirst();
  if (!user || !user.is_active) {
    console.error(`Brugeren "${username}" findes ikke eller er deaktiveret.`);
    process.exitCode = 1;
  } else {
    const { token } = await createApiToken(database.db, null, user.id, name);
    console.log(token);
  }
} finally {
  await database.close();
}
