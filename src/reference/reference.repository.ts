/**
 * @module Queries over the dated reference data shared by several capabilities: moved to reference.public.ts
 * (the module other capabilities import). Kept as a re-export for the reference capability's own code.
 */
export { areasOfMunicipality } from './reference.public.js';
