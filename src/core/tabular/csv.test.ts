/**
 * CSV in the Danish Excel flavour: what an export looks like byte for byte, what the import accepts, and the
 * guard against formula injection.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.js';

const BOM = '\uFEFF';

describe('CSV export', () => {
  it('writes a BOM, semicolons and CRLF, and quotes only what must be quoted', () => {
    const text = toCsv(
      ['Navn', 'Pladser', 'Aktiv'],
      [
        ['Æblehaven; Øst', 12, true],
        ['Linje 1\r\nLinje "2"', 1.5, false],
        ['Åen, Vest', null, undefined],
      ],
    );
    assert.equal(text, `${BOM}Navn;Pladser;Aktiv\r\n"Æblehaven; Øst";12;ja\r\n"Linje 1\r\nLinje ""2""";1.5;nej\r\nÅen, Vest;;\r\n`);
  });

  it('writes only the header line for no rows, and a lone line break for no columns', () => {
    assert.equal(toCsv(['Navn', 'By'], []), `${BOM}Navn;By\r\n`);
    assert.equal(toCsv([], []), `${BOM}\r\n`);
  });

  it('quotes a cell with a lone line feed or carriage return', () => {
    assert.equal(toCsv(['a'], [['x\ny'], ['x\ry']]), `${BOM}a\r\n"x\ny"\r\n"x\ry"\r\n`);
  });
});

describe('CSV formula injection', () => {
  const exported = (cell: string) => toCsv(['a'], [[cell]]).slice(`${BOM}a\r\n`.length, -2);

  it('neutralises a cell that starts with =, +, -, @, tab or carriage return with a leading apostrophe', () => {
    assert.equal(exported('=SUM(A1:A9)'), "'=SUM(A1:A9)");
    assert.equal(exported('+45 12 34 56 78'), "'+45 12 34 56 78");
    assert.equal(exported('-2+3'), "'-2+3");
    assert.equal(exported('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(exported('\t=1'), "'\t=1");
    assert.equal(exported('\r=1'), `"'\r=1"`);
  });

  it('neutralises before quoting, so a formula with quotes stays one inert cell', () => {
    assert.equal(exported('=HYPERLINK("http://x","klik")'), `"'=HYPERLINK(""http://x"",""klik"")"`);
    assert.deepEqual(parseCsv(toCsv(['a'], [['=HYPERLINK("x")']]))[1], [`'=HYPERLINK("x")`]);
  });

  it('leaves plain numbers alone, negative ones too, and the guard applies to the header as well', () => {
    assert.equal(exported('-12,5'), '-12,5');
    assert.equal(exported('-3.25'), '-3.25');
    assert.equal(exported('-7'), '-7');
    assert.equal(toCsv(['=kolonne'], []), `${BOM}'=kolonne\r\n`);
  });

  it('leaves a formula character later in the cell alone', () => {
    assert.equal(exported('1+1=2'), '1+1=2');
    assert.equal(exported(' =1'), ' =1');
  });
});

describe('CSV import', () => {
  it('round-trips quotes, semicolons, line breaks and Danish letters', () => {
    const rows = [
      ['Navn', 'Beskrivelse'],
      ['Æblehaven; Øst', 'Linje 1\nLinje "2"'],
      ['Søbakken', 'Linje 1\r\nLinje 2'],
      ['Åen', ''],
    ];
    assert.deepEqual(parseCsv(toCsv(rows[0]!, rows.slice(1))), rows);
  });

  it('reads a file with or without BOM alike', () => {
    assert.deepEqual(parseCsv(`${BOM}a;b\r\n1;2\r\n`), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('a;b\r\n1;2\r\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv(BOM), []);
  });

  it('reads comma-separated files too, chosen from the first line (semicolon wins a tie)', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('navn,by\n"Holbæk, Vest",4300\n'), [
      ['navn', 'by'],
      ['Holbæk, Vest', '4300'],
    ]);
    assert.deepEqual(parseCsv('a;b,c\n1;2,3\n'), [
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
    assert.deepEqual(parseCsv('a\n1,2;3\n'), [['a'], ['1,2', '3']]);
  });

  it('accepts LF, CRLF and CR line endings, also mixed in one file', () => {
    assert.deepEqual(parseCsv('a;b\r1;2\r\n3;4\n5;6'), [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('gives an empty file, or one of blank lines and empty cells, no rows', () => {
    assert.deepEqual(parseCsv(''), []);
    assert.deepEqual(parseCsv('\r\n\r\n'), []);
    assert.deepEqual(parseCsv(';;\n ; \n'), []);
  });

  it('leaves blank rows out and keeps the spaces inside cells', () => {
    assert.deepEqual(parseCsv('a;b\n\n;\n x ;y\n'), [
      ['a', 'b'],
      [' x ', 'y'],
    ]);
  });

  it('keeps ragged rows as they are: no padding, no error', () => {
    assert.deepEqual(parseCsv('a;b;c\n1\n1;2;3;4\n'), [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('reads empty quoted cells, doubled quotes and a quote inside an unquoted cell', () => {
    assert.deepEqual(parseCsv('a;"";"x""y";5" skærm;b"c"d'), [['a', '', 'x"y', '5" skærm', 'b"c"d']]);
  });

  it('keeps a cell that continues after its closing quote as written', () => {
    // Malformed input: no program writes it. The quote characters stay visible rather than being dropped silently.
    assert.deepEqual(parseCsv('a;"x"y;b'), [['a', '"x"y', 'b']]);
  });

  it('reports an unterminated quote in Danish with its line', () => {
    assert.throws(() => parseCsv('a;b\n"1;2\n'), { message: 'Filen har et citationstegn, der ikke lukkes (omkring linje 2).' });
    assert.throws(() => parseCsv('a;b\nc;d\n"e;f\n'), /citationstegn.*linje 3/);
  });

  it('reads back whatever it wrote, for any text that is not neutralised as a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'æ', 'Ø', ' ', ';', ',', '"', "'", '\n', '\r', '\r\n', '=', '1') });
    const safe = text.filter((s) => !/^[=+\-@\t\r]/.test(s));
    const row = fc.array(safe, { minLength: 1, maxLength: 4 }).filter((r) => r.some((v) => v.trim() !== ''));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const header = ['Navn', 'Beskrivelse'];
        assert.deepEqual(parseCsv(toCsv(header, rows)), [header, ...rows]);
      }),
      { numRuns: 300 },
    );
  });
});
