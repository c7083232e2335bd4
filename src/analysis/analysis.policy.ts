/**
 * @module Who may do what with data, benchmarks and forecasts. The split and the forecast endpoints are pure
 * computations anyone may call; the benchmarks and forecasts built on imported public statistics are for every
 * signed-in user; importing statistics (which changes what everybody sees) is for a secretariat.
 */
import { allow, forbid, when, type Policies } from '../core/access/access.js';
import { actsForOrganisation, isAnySecretariat, isInArea, isOwnOrganisation, isSignedIn } from '../core/access/rules.js';
import { hasRole } from '../core/auth/actor.js';

/** One agreement area's capacity picture, forecast basis and compiled assessments. */
export type CapacityTarget = { areaId: number; areaName: string };
/** One municipality's yearly assessment ("redegørelse") in its area. */
export type AssessmentTarget = { organisationId: number; organisationName: string; isMunicipality: boolean };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Compute a split or a forecast from figures in the request (saves nothing): anyone. */
    'analysis.compute': null;
    /** Read the imported series, benchmarks and forecasts: any signed-in user. */
    'analysis.read': null;
    /** Import a series from Statistikbanken: a secretariat. */
    'analysis.import': null;
    /** The area's capacity picture and the municipalities' compiled assessments: the area's secretariat and members (the steering group's municipalities). */
    'analysis.capacity': CapacityTarget;
    /** Fill in a municipality's yearly assessment of supply against need: that municipality's own users who act for it. */
    'analysis.assess': AssessmentTarget;
  }
}

export const analysisPermissions: Policies = {
  'analysis.compute': () => allow,
  'analysis.read': (actor) => when(isSignedIn(actor), forbid('Du skal logge ind for at se tal og prognoser.')),
  'analysis.capacity': (actor, t) => {
    if (!isSignedIn(actor)) return forbid('Du skal logge ind for at se kapacitetsanalysen.');
    return when(isInArea(actor, t.areaId), forbid(`Kapacitetsbilledet for ${t.areaName} er for områdets sekretariat og medlemmer.`));
  },
  'analysis.assess': (actor, t) => {
    if (!isSignedIn(actor)) return forbid('Du skal logge ind for at udfylde redegørelsen.');
    if (!t.isMunicipality || !isOwnOrganisation(actor, t.organisationId))
      return forbid(`Du kan kun udfylde redegørelsen for din egen kommune, ikke for ${t.organisationName}.`);
    return when(
      actsForOrganisation(actor) && hasRole(actor, 'myndighed', 'tilbudsoekonomi'),
      forbid('Kommunens redegørelse udfyldes af en bruger med rollen Myndighed eller Tilbud og økonomi.'),
    );
  },
  'analysis.import': (actor) => when(isAnySecretariat(actor), forbid('Kun sekretariatet kan indlæse data fra Danmarks Statistik.')),
};
