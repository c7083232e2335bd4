/**
 * @module The exact decimal type of analysis: decimal.js with enough precision for logarithms of kroner
 * amounts (the LMDI split) and half-up rounding, as money is rounded everywhere in Ramme.
 */
import { Decimal as DecimalBase } from 'decimal.js';

export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;
export type DecInput = Dec | string | number;
