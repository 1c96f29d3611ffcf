/** Percent encoding for spec paths and option values: a path may hold spaces, `?` or `#` and still round-trip. */
/**
 * Decodes `%XX` escapes as UTF-8. A `%` not followed by two hex digits stays literal, so a typed
 * zone like `::%eth0` needs no escaping. Undefined when the escapes are not valid UTF-8.
 */
export function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) {
    return text;
  }
  const bytes: number[] = [];
  for (let index = 0; index < text.length; ) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 3;
    } else {
      const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
      bytes.push(...Buffer.from(character, 'utf8'));
      index += character.length;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

export function percentEncode(text: string, special: RegExp): string {
  return text.replace(special, (character) =>
    [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

// Whitespace is escaped too, so trimming the spec text never eats part of a path.
export const PATH_SPECIAL = /[%?#\s\p{Cc}]/gu;
export const QUERY_SPECIAL = /[%&=#,\s\p{Cc}]/gu;
