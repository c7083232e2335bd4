/**
 * A local OpenID provider for the browser tests (started by e2e-server.sh beside Ramme): one client, Ramme's
 * callback, and the account `e2e-broker` that an administrator links in e2e/users.spec.ts.
 */
import { startOidcProvider } from '../src/testing/oidc-provider.js';

const port = Number(process.env.E2E_OIDC_PORT);
const ramme = process.env.RAMME_BASE_URL ?? '';
await startOidcProvider({
  port,
  clientId: process.env.RAMME_OIDC_CLIENT_ID ?? '',
  clientSecret: process.env.RAMME_OIDC_CLIENT_SECRET ?? '',
  redirectUri: `${ramme}/login/oidc/callback`,
  accounts: { 'e2e-broker': { name: 'Bo Broker', email: 'bo@holbaek.example' } },
});
console.log(`OpenID-testudbyder på http://127.0.0.1:${port}`);
