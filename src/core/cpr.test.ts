import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { CPR_MESSAGE, isCprDate, looksLikeCpr, zFreeText } from './cpr.js';
import { fieldErrorsFrom } from './validation.js';

describe('CPR guard', () => {
  it('refuses ddmmyy-nnnn with a valid date, also inside a longer text', () => {
    assert.equal(looksLikeCpr('010190-1234'), true);
    assert.equal(looksLikeCpr('Borger 311299-0001 i Holbæk'), true);
    assert.equal(looksLikeCpr('290200-4321'), true, '29 February exists in some century');
    assert.equal(looksLikeCpr('010190–1234'), true, 'with an en dash');
  });

  it('refuses ten digits in a row that start with a valid date', () => {
    assert.equal(looksLikeCpr('0101901234'), true);
    assert.equal(looksLikeCpr('sag:1512851234.'), true);
  });

  it('lets near misses pass: phone numbers, CVR, EAN, dates, invalid dates, longer digit runs', () => {
    for (const text of [
      '12 34 56 78', // phone, spaced
      '+45 12345678', // phone with country code (10 digits only with the plus sign and space removed)
      '4512345678', // ten digits whose first six are no date (45/12 → day 45)
      '12345678', // CVR
      '5798000012345', // EAN (13 digits)
      '57980000123450', // 14 digits
      '2025-01-31', // ISO date
      '320190-1234', // day 32
      '011390-1234', // month 13
      '310490-1234', // 31 April
      '000190-1234', // day 0
      'HOL-2025-000123', // a case reference
      '01019-01234', // wrong grouping
      '1.234.567,89 kr.',
    ]) {
      assert.equal(looksLikeCpr(text), false, text);
    }
  });

  it('checks the date part alone', () => {
    assert.equal(isCprDate('290299'), true);
    assert.equal(isCprDate('300299'), false);
    assert.equal(isCprDate('31129'), false);
  });

  it('names the field and does not repeat the value in the message', () => {
    const schema = z.object({ caseReference: zFreeText(60) });
    const result = schema.safeParse({ caseReference: '010190-1234' });
    assert.equal(result.success, false);
    const errors = fieldErrorsFrom(result.error!);
    assert.deepEqual(errors, { caseReference: [CPR_MESSAGE] });
    assert.doesNotMatch(JSON.stringify(errors), /1234/);
    assert.equal(schema.safeParse({ caseReference: 'HOL-2025-0042' }).success, true);
  });
});
