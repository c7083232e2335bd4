import type { Capability } from '../core/capability.js';
export const offerings: Capability = { name: 'offerings' };
