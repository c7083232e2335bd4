/**
 * @module Who may do what with data, benchmarks and forecasts. The split and the forecast endpoints are pure
 * computations anyone may call; the benchmarks and forecasts built on imported public statistics are for every
 * signed-in user; importing statistics (which changes what everybody sees) is for a secretariat.
 */
import { allow, forbid, when, type Policies } from '../core/access/access.js';
import { isAnySecretariat, isSignedIn } from '../core/access/rules.js';

declare module '../core/access/access.js' {
  interface Permissions {
    /** Compute a split or a forecast from figures in the request (saves nothing): anyone. */
    'analysis.compute': null;
    /** Read the imported series, benchmarks and forecasts: any signed-in user. */
    'analysis.read': null;
    /** Import a series from Statistikbanken: a secretariat. */
    'analysis.import': null;
  }
}

export const analysisPermissions: Policies = {
  'analysis.compute': () => allow,
  'analysis.read': (actor) => when(isSignedIn(actor), forbid('Du skal logge ind for at se tal og prognoser.')),
  'analysis.import': (actor) => when(isAnySecretariat(actor), forbid('Kun sekretariatet kan indlæse data fra Danmarks Statistik.')),
};
