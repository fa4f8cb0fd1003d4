// A sheet's bytes as text. Decoding would quietly put U+FFFD where the bytes were: a sheet in an
// encoding other than these is refused, with how to save it.
import { isUtf8 } from 'node:buffer';
import { UserError } from '../errors';

/** The byte-order mark that begins UTF-16 little-endian, as Excel's "Unicode Text" saves a sheet. */
const UTF16LE_BOM = [0xff, 0xfe];

/**
 * UTF-8, as "CSV UTF-8" saves a sheet; or UTF-16 little-endian after its byte-order mark, as
 * Excel's "Unicode Text" saves one (tab-separated): that mark is never UTF-8, so nothing is guessed.
 */
export function sheetText(bytes: Buffer, file: string): string {
  if (bytes[0] === UTF16LE_BOM[0] && bytes[1] === UTF16LE_BOM[1]) {
    try {
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new UserError(`${file} begins as UTF-16 text ("Unicode Text") but is not: save the sheet as CSV UTF-8; nothing was imported`);
    }
  }
  if (!isUtf8(bytes)) throw new UserError(`${file} is not UTF-8 text: save the sheet as CSV UTF-8; nothing was imported`);
  return bytes.toString('utf8');
}
