/**
 * @module Pure rules of a meeting's attachments: which files are accepted (PDF, Word, Excel, PNG and JPEG, known by
 * their name's ending and checked against their first bytes, so the stored content type is what the file is), the
 * size limit, a clean file name, and the Content-Disposition header of a download (ASCII fallback and UTF-8 name).
 */
import { formatNumber } from '../core/format.js';

/** The largest attachment: the upload limit of every multipart request (core/http/app.tsx). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const starts = (b: Buffer, bytes: readonly number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx, xlsx
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc, xls
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const KINDS: ReadonlyArray<{ endings: readonly string[]; type: string; magic: readonly number[]; label: string }> = [
  { endings: ['pdf'], type: 'application/pdf', magic: PDF, label: 'PDF' },
  { endings: ['docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP, label: 'Word' },
  { endings: ['doc'], type: 'application/msword', magic: OLE, label: 'Word' },
  { endings: ['xlsx'], type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP, label: 'Excel' },
  { endings: ['xls'], type: 'application/vnd.ms-excel', magic: OLE, label: 'Excel' },
  { endings: ['png'], type: 'image/png', magic: PNG, label: 'Billede' },
  { endings: ['jpg', 'jpeg'], type: 'image/jpeg', magic: JPEG, label: 'Billede' },
];

/** The file input's `accept` list. */
export const ACCEPT = KINDS.flatMap((k) => k.endings.map((e) => `.${e}`)).join(',');
export const ACCEPTED_TEXT = 'PDF, Word (.docx, .doc), Excel (.xlsx, .xls) eller et billede (.png, .jpg)';

/** The type of an accepted file from its name's ending and its first bytes; a message when it is not accepted. */
export function fileKindOf(filename: string, content: Buffer): { type: string; label: string } | { problem: string } {
  const ending = filename.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.endings.includes(ending));
  if (!kind || !filename.includes('.')) return { problem: `Filtypen kan ikke vedhæftes. Vælg en fil i ${ACCEPTED_TEXT}.` };
  if (!starts(content, kind.magic)) return { problem: `Filen er ikke en gyldig ${kind.label}-fil (.${ending}), selv om navnet slutter sådan.` };
  return { type: kind.type, label: kind.label };
}

/** The name as stored: without any folder, control characters or characters a file system refuses; at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ending = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ending.length) + ending;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), so every browser saves it under its own name. */
export function contentDisposition(filename: string): string {
  const danish: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };
  const ascii = filename
    .replace(/[æøåÆØÅ]/g, (c) => danish[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A size in words: "820 B", "14 kB", "2,3 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} kB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
