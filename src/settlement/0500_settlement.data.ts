/**
 * @module FROZEN: the settlement rules migration 0500_settlement inserts, exactly as they shipped. NEVER EDIT THIS
 * FILE: a change is a NEW migration that ends a row (valid_to) and inserts the new one. Claims for payment
 * between municipalities (mellemkommunal refusion) must be raised within 12 months (serviceloven § 174, stk. 2;
 * from 1 January 2024 for children also barnets lov § 195, stk. 2); payment is due 30 days after the statement is
 * sent [U: the agreements' usual term].
 */
export const SETTLEMENT_RULES: ReadonlyArray<{
  validFrom: string;
  validTo: string | null;
  claimLimitMonths: number;
  legalReferences: string;
  paymentDays: number;
  source: string;
}> = [
  {
    validFrom: '2015-01-01',
    validTo: '2023-12-31',
    claimLimitMonths: 12,
    legalReferences: 'Serviceloven § 174, stk. 2',
    paymentDays: 30,
    source: 'Lov om social service § 174, stk. 2',
  },
  {
    validFrom: '2024-01-01',
    validTo: null,
    claimLimitMonths: 12,
    legalReferences: 'Serviceloven § 174, stk. 2; barnets lov § 195, stk. 2',
    paymentDays: 30,
    source: 'Lov om social service § 174, stk. 2, og barnets lov § 195, stk. 2 (i kraft 1. januar 2024)',
  },
];
