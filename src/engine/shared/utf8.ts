/**
 * UTF-8 well-formedness (RFC 3629), one rule for the codecs and for the readable text: overlong
 * forms, surrogates, values above U+10FFFF and cut-off sequences are ill-formed.
 */

/** Length of the valid UTF-8 sequence starting at `position` (2–4), or 0 when it is not one. */
export function utf8SequenceLength(bytes: Uint8Array, position: number): number {
  const lead = bytes[position];
  let needed: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    needed = 1;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    needed = 2;
    if (lead === 0xe0) {
      low = 0xa0;
    } else if (lead === 0xed) {
      high = 0x9f;
    }
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    needed = 3;
    if (lead === 0xf0) {
      low = 0x90;
    } else if (lead === 0xf4) {
      high = 0x8f;
    }
  } else {
    return 0;
  }
  if (position + needed >= bytes.length) {
    return 0;
  }
  const first = bytes[position + 1];
  if (first < low || first > high) {
    return 0;
  }
  for (let next = 2; next <= needed; next++) {
    const continuation = bytes[position + next];
    if (continuation < 0x80 || continuation > 0xbf) {
      return 0;
    }
  }
  return needed + 1;
}
