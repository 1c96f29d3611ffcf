// JavaScript/TypeScript: Node.js APIs that set a socket option (`.setNoDelay(`, `{ reuseAddr: true }`).
import { NODE_API_BY_NAME } from '../data/index';
import {
  JS_SYNTAX, classify, identifierBefore, nextNonSpace, previousNonSpace, startsInsideBlockComment, textAbove,
  unmatchedOpening, wordAt,
} from './lexing';
import type { ScanContext, ScanResult } from './types';

function nodeOptionCallee(line: string, keyStart: number, context: ScanContext | undefined): string | undefined {
  const { text, offset } = textAbove(line, context);
  // The key must start an object member: right after `{` or `,` (possibly on an earlier line).
  const previous = previousNonSpace(text, offset + keyStart);
  if (previous === -1 || (text[previous] !== '{' && text[previous] !== ',')) {
    return undefined;
  }
  const brace = unmatchedOpening(text, offset + keyStart, '{', JS_SYNTAX);
  if (brace === -1) {
    return undefined;
  }
  const beforeBrace = previousNonSpace(text, brace);
  let open = -1;
  if (text[beforeBrace] === '(') {
    open = beforeBrace;
  } else if (text[beforeBrace] === ',') {
    open = unmatchedOpening(text, beforeBrace, '(', JS_SYNTAX);
  }
  return open === -1 ? undefined : identifierBefore(text, open)?.name;
}

export function scanJavaScript(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const mapping = NODE_API_BY_NAME.get(text);
  if (mapping === undefined) {
    return undefined;
  }
  const position = classify(line, word.start, JS_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind !== 'code') {
    return undefined;
  }
  const after = nextNonSpace(line, word.end);
  if (mapping.form === 'method') {
    if (line[word.start - 1] !== '.' || line[after] !== '(') {
      return undefined;
    }
  } else {
    if (line[after] !== ':' || line[word.start - 1] === '.') {
      return undefined;
    }
    const callee = nodeOptionCallee(line, word.start, context);
    if (callee === undefined || !(mapping.calls ?? []).includes(callee)) {
      return undefined;
    }
  }
  return {
    name: mapping.constant,
    start: word.start,
    end: word.end,
    kind: 'node-api',
    text,
    nodeApi: mapping,
  };
}

