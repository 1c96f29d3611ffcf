// Declarations found by their keyword and read in place. The recognisers' declaration patterns
// (`\b(?:const|let|var)[ \t]+(NAME)[ \t]*(?::[^=\n;]+)?=(?!=)`, Rust's with `(?:mut[ \t]+)?`) ran
// with matchAll, one match array per declaration: the largest share of a scan's garbage. Every
// part after the keyword matches one way only (Rust's `mut` is tried first, then read as the
// name, as the pattern backtracks), so reading it from the code gives the same matches.
import { isWordCode } from './mask';
import { Assignments, isIdentifierStart, skipBlanks } from './source';
import { sliceShared } from './names';

/** Where the last declarationEnd's name ends (a field, not a pair object per declaration). */
let nameEnd = 0;

/** Where `(NAME)[ \t]*(?::[^=\n;]+)?=(?!=)` starting at `nameStart` ends (after the `=`), or -1; the name's end in `nameEnd`. */
function declarationEnd(code: string, nameStart: number, dollar: boolean): number {
  const first = code.charCodeAt(nameStart);
  if (!isIdentifierStart(first) && !(dollar && first === 36)) {
    return -1;
  }
  let end = nameStart + 1;
  while (end < code.length && (isWordCode(code.charCodeAt(end)) || (dollar && code.charCodeAt(end) === 36))) {
    end++;
  }
  nameEnd = end;
  let equals = skipBlanks(code, end);
  if (code.charCodeAt(equals) === 58) {
    // `: type`, up to the first `=`, newline or `;` (at least one character).
    let typeEnd = equals + 1;
    while (typeEnd < code.length && code.charCodeAt(typeEnd) !== 61 && code.charCodeAt(typeEnd) !== 10 && code.charCodeAt(typeEnd) !== 59) {
      typeEnd++;
    }
    equals = typeEnd > equals + 1 ? typeEnd : -1;
  }
  return equals === -1 || code.charCodeAt(equals) !== 61 || code.charCodeAt(equals + 1) === 61 ? -1 : equals + 1;
}

/**
 * The declarations whose keyword `keyword` (global, ending in `[ \t]+`) finds: name and where its
 * value starts. `mut`: Rust's optional `mut[ \t]+` before the name; `dollar`: `$` in names (JavaScript).
 */
export function declarationsAfter(code: string, keyword: RegExp, dollar: boolean, mut: boolean): Assignments {
  const found = new Assignments();
  keyword.lastIndex = 0;
  while (keyword.test(code)) {
    // A failed declaration goes on from here: no match can start inside the keyword or its blanks.
    const afterKeyword = keyword.lastIndex;
    let end = -1;
    let nameStart = afterKeyword;
    if (mut && code.startsWith('mut', afterKeyword)) {
      const afterMut = skipBlanks(code, afterKeyword + 3);
      if (afterMut > afterKeyword + 3) {
        end = declarationEnd(code, afterMut, dollar);
        nameStart = afterMut;
      }
    }
    if (end === -1) {
      nameStart = afterKeyword;
      end = declarationEnd(code, afterKeyword, dollar);
    }
    if (end !== -1) {
      found.push(sliceShared(code, nameStart, nameEnd), end);
      keyword.lastIndex = end;
    }
  }
  return found;
}
