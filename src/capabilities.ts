/**
 * @module The capabilities Ramme is made of, in order. Each one brings its migrations, routes, navigation
 * and demo data (see core/capability.ts). To add a capability, add its module here.
 */
import type { Capability } from './core/capability.js';
import { platform } from './platform.js';
import { offerings } from './offerings/offerings.capability.js';
import { tariffs } from './tariffs/tariffs.capability.js';
import { audit } from './audit/audit.capability.js';
import { agreements } from './agreements/agreements.capability.js';
import { placements } from './placements/placements.capability.js';
import { reminders } from './reminders/reminders.capability.js';
import { settlement } from './settlement/settlement.capability.js';
import { analysis } from './analysis/analysis.capability.js';
import { cooperation } from './cooperation/cooperation.capability.js';
import { users } from './users/users.capability.js';

export const capabilities: Capability[] = [platform, offerings, tariffs, agreements, placements, settlement, analysis, cooperation, reminders, users, audit];
