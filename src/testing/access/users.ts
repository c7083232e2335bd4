/**
 * Access matrix entries for user administration and the broker sign-in (see src/testing/access.ts). Everyone
 * sees their own organisation's users; only the administrator (demo-admin) and, for a
 * secretariat, its secretariat users change them (403 for the rest of the organisation, 404 for others).
 */
import { ALL, SIGNED_IN, type AccessExpectation } from '../access.js';

const userOf = (username: string) => async (db: import('../../core/db/types.js').Db) => {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return row.id;
};

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /brugere', url: '/brugere', allowed: SIGNED_IN },
  { route: 'POST /brugere/rollekoder', url: '/brugere/rollekoder', allowed: ['sekretariat', 'administrator'], isForm: true },
  { route: 'POST /brugere/rollekoder/slet', url: '/brugere/rollekoder/slet', allowed: ['sekretariat', 'administrator'], isForm: true },
  { route: 'GET /brugere/ny', url: '/brugere/ny', allowed: ['sekretariat', 'administrator'] },
  { route: 'POST /brugere', url: '/brugere', allowed: ['sekretariat', 'administrator'], isForm: true },
  {
    route: 'GET /brugere/:id',
    url: async (db) => `/brugere/${await userOf('demo-myndighed')(db)}`,
    allowed: ['myndighed', 'tilbudsoekonomi', 'administrator'],
    refusedAsNotFound: true,
    note: "a Holbæk user: Holbæk's own users see it, everyone else gets 404",
  },
  {
    route: 'POST /brugere/:id',
    url: async (db) => `/brugere/${await userOf('demo-sekretariat')(db)}`,
    allowed: ['sekretariat'],
    isForm: true,
    note: "the secretariat's own user: its secretariat changes it; others of other organisations get 404",
  },
  {
    route: 'POST /brugere/:id',
    url: async (db) => `/brugere/${await userOf('demo-myndighed')(db)}`,
    allowed: ['administrator'],
    isForm: true,
    note: "a Holbæk user: Holbæk's administrator changes it (an empty form is a 400); Holbæk's other users get 403",
  },
  {
    route: 'POST /brugere/:id/deaktiver',
    url: async (db) => `/brugere/${await userOf('demo-tilbudsoekonomi')(db)}/deaktiver`,
    allowed: ['administrator'],
    isForm: true,
  },
  {
    route: 'POST /brugere/:id/deaktiver',
    url: async (db) => `/brugere/${await userOf('demo-sekretariat')(db)}/deaktiver`,
    allowed: ['sekretariat'],
    isForm: true,
    note: 'an empty form is a 400 (no version) for the secretariat; deactivating oneself is refused anyway',
  },
  { route: 'POST /brugere/:id/aktiver', url: async (db) => `/brugere/${await userOf('demo-sekretariat')(db)}/aktiver`, allowed: ['sekretariat'], isForm: true },
  {
    route: 'POST /brugere/:id/invitation',
    url: async (db) => `/brugere/${await userOf('demo-myndighed')(db)}/invitation`,
    allowed: ['administrator'],
    isForm: true,
    note: "a Holbæk user: Holbæk's administrator sends the invitation (or 409 when there is nothing to send); Holbæk's other users get 403, others 404",
  },
  {
    route: 'GET /invitation/:token',
    url: '/invitation/ukendt-link',
    allowed: ALL,
    note: 'the link is its own credential: an unknown one is a Danish 404 page for everyone',
  },
  { route: 'POST /invitation/:token', url: '/invitation/ukendt-link', allowed: ALL, isForm: true, note: 'an unknown link: 404 page for everyone' },
  { route: 'GET /login/oidc', url: '/login/oidc', allowed: ALL, note: 'not configured in tests: 404 for everyone' },
  { route: 'GET /login/oidc/callback', url: '/login/oidc/callback', allowed: ALL, note: 'not configured in tests: 404 for everyone' },
];
