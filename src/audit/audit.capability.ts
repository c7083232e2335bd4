import type { Capability } from '../core/capability.js';
export const audit: Capability = { name: 'audit' };
