// Names and literal values read out of a document, shared across scans. Every edit rescans the whole
// document, and a new version holds the same names (conn, buffer, PORT) and addresses as the one
// before: slicing each one anew per scan was most of a scan's garbage, and the young-generation
// collections it set off were the slow scans. A direct-mapped table keyed by a hash of the
// characters hands back the string made last time; a miss (or a collision) slices as before.

const SLOTS = 4096;
const table: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

/** `text.slice(start, end)`, the same string as an earlier call for the same characters when the table still holds it. */
export function sliceShared(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) {
    return '';
  }
  // FNV-1a over the characters (a long value is hashed by its first 32 and its length).
  let hash = 0x811c9dc5 ^ length;
  const last = Math.min(end, start + 32);
  for (let index = start; index < last; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  const slot = (hash >>> 0) & (SLOTS - 1);
  const held = table[slot];
  if (held !== undefined && held.length === length && text.startsWith(held, start)) {
    return held;
  }
  const made = text.slice(start, end);
  // V8 makes a slice of 13 or more characters a view of the whole text: kept in the table, it
  // would keep the document (or its masked copy) alive past the scan. The concatenation is
  // flattened into a string of its own, and what the table holds is a view of that.
  const own = length < 13 ? made : (made + ' ').slice(0, length);
  table[slot] = own;
  return own;
}
