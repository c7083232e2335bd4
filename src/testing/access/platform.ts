/** Access matrix entries for the platform's own routes (see src/testing/access.ts). */
import { ALL, SIGNED_IN, type AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /', url: '/', allowed: ALL },
  { route: 'GET /om', url: '/om', allowed: ALL },
  { route: 'GET /login', url: '/login', allowed: ALL },
  { route: 'POST /login', url: '/login', allowed: ALL, isForm: true },
  { route: 'POST /login/demo', url: '/login/demo', allowed: ALL, isForm: true, note: 'demo mode only; an empty form is a 400' },
  { route: 'POST /logout', url: '/logout', allowed: ALL, isForm: true },
  { route: 'GET /profil', url: '/profil', allowed: SIGNED_IN },
  { route: 'POST /profil/noegler', url: '/profil/noegler', allowed: SIGNED_IN, isForm: true },
  { route: 'POST /profil/noegler/:id/tilbagekald', url: '/profil/noegler/999999/tilbagekald', allowed: SIGNED_IN, isForm: true },
  { route: 'GET /grunddata', url: '/grunddata?date=2027-01-01', allowed: SIGNED_IN },
  { route: 'GET /api/reference', url: '/api/reference', allowed: SIGNED_IN },
  { route: 'GET /api/health', url: '/api/health', allowed: ALL },
  { route: 'GET /api/ready', url: '/api/ready', allowed: ALL },
  { route: 'GET /metrics', url: '/metrics', allowed: [], note: 'only the scraper with RAMME_METRICS_TOKEN (none configured here: 404)' },
  { route: 'GET /api/openapi.json', url: '/api/openapi.json', allowed: ALL },
  { route: 'GET /api/docs', url: '/api/docs', allowed: ALL },
  { route: 'GET /favicon.svg', url: '/favicon.svg', allowed: ALL },
  { route: 'GET /favicon.ico', url: '/favicon.ico', allowed: ALL },
  { route: 'GET /static/dkfds/*', url: '/static/dkfds/css/dkfds.min.css', allowed: ALL },
  { route: 'GET /static/*', url: '/static/app.css', allowed: ALL },
];
