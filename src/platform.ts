/**
 * @module The platform itself as a capability: reference data, organisations, users, sessions, audit
 * tables, login and profile pages, front page, health and API docs, and the demo organisations and users.
 * It gives core what core may not import: the actor's agreement areas (from the reference data).
 */
import type { Capability } from './core/capability.js';
import { healthPermissions } from './core/http/health.service.js';
import { authMigrations } from './core/auth/auth.migrations.js';
import { authPermissions } from './core/auth/auth.policy.js';
import { loginPages } from './core/auth/pages/login.pages.js';
import { profilePages } from './core/auth/pages/profile.pages.js';
import { platformRoutes } from './core/http/platform.routes.js';
import { seedPlatform } from './core/seed/platform.seed.js';
import { referenceApi } from './reference/reference.api.js';
import { referenceMigrations } from './reference/reference.migrations.js';
import { referencePermissions } from './reference/reference.policy.js';
import { areaIdsOfOrganisation } from './reference/reference.public.js';
import { referencePages } from './reference/pages/reference.pages.js';
import './reference/reference.table.js';
import './core/auth/auth.table.js';

export const platform: Capability = {
  name: 'platform',
  migrations: { ...referenceMigrations, ...authMigrations },
  routes: (app, ctx) => {
    platformRoutes(app, ctx);
    loginPages(app, ctx);
    profilePages(app);
    referenceApi(app);
    referencePages(app);
  },
  nav: [
    { href: '/', label: 'Forside', order: 0 },
    {
      href: '/grunddata',
      label: 'Grunddata',
      description: 'regioner, rammeaftaleområder, lovgrundlag og målgrupper med gyldighedsdatoer',
      isVisible: (a) => !!a,
      order: 80,
    },
  ],
  seed: seedPlatform,
  permissions: { ...authPermissions, ...referencePermissions, ...healthPermissions },
  actorAreas: areaIdsOfOrganisation,
  auditEntities: {
    api_token: { label: 'API-nøgle', fieldLabels: { userId: 'Bruger-id', name: 'Navn', revoked: 'Tilbagekaldt', expiresOn: 'Udløber' } },
    app_user: {
      label: 'Bruger',
      fieldLabels: {
        username: 'Brugernavn',
        name: 'Navn',
        email: 'E-mailadresse',
        organisation: 'Organisation',
        organisationId: 'Organisation (id)',
        roles: 'Roller',
        password: 'Adgangskode',
        signIn: 'Logger ind med',
        source: 'Kilde',
        active: 'Aktiv',
        endedSessions: 'Afsluttede sessioner',
        revokedTokens: 'Tilbagekaldte API-nøgler',
      },
    },
    session: { label: 'Login', fieldLabels: { username: 'Brugernavn', method: 'Måde', reason: 'Årsag', subject: 'Id hos identitetsbrokeren' } },
  },
};
