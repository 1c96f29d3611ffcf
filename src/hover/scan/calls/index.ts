// Socket calls in a whole document, for the CodeLens: one masking pass (comments and strings out),
// then the language's recogniser. Pure; the caller caches the result per document version.
import { cCalls } from './c';
import { goCalls } from './go';
import { javascriptCalls } from './javascript';
import { pythonCalls } from './python';
import { rustCalls } from './rust';
import { SourceText, type Dialect } from './source';
import type { SocketCall } from './types';

export { peerOf, type PeerOffer } from './peer';
export type { CallRole, CallTransport, SocketCall } from './types';

const DIALECTS: ReadonlyMap<string, Dialect> = new Map<string, Dialect>([
  ['python', 'python'],
  ['javascript', 'javascript'], ['typescript', 'javascript'], ['javascriptreact', 'javascript'], ['typescriptreact', 'javascript'],
  ['go', 'go'],
  ['rust', 'rust'],
  ['c', 'c'], ['cpp', 'c'], ['objective-c', 'c'], ['objective-cpp', 'c'], ['cuda-cpp', 'c'],
]);

const RECOGNISERS: Readonly<Record<Dialect, (source: SourceText) => SocketCall[]>> = {
  python: pythonCalls,
  javascript: javascriptCalls,
  go: goCalls,
  rust: rustCalls,
  c: cCalls,
};

/** Every recognised socket call in `text`, in document order; [] for a language without a recogniser. */
export function findSocketCalls(text: string, languageId: string): SocketCall[] {
  const dialect = DIALECTS.get(languageId);
  if (dialect === undefined) {
    return [];
  }
  const calls = RECOGNISERS[dialect](new SourceText(text, dialect));
  return calls.sort((left, right) => left.line - right.line || left.start - right.start);
}
