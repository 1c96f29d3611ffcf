/**
 * Run-time expansion: `{{…}}` macros and payloads → bytes. Variable values are bytes, so a regex
 * capture (read over the data as latin1) goes back on the wire exactly as it arrived.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodePayload, isEngineError } from '../engine/index';
import { WireError } from './errors';
import { unquote } from './parsePayload';
import type { Macro, Payload, Template } from './syntax';

/** What a macro can see at one moment of a run. */
export interface Scope {
  /** A variable or capture by name. */
  variable(name: string): Uint8Array | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The section's send number, or an `on` rule's hit count. */
  readonly counter: number;
  /** The innermost `repeat` iteration, 0-based; undefined outside any repeat. */
  readonly iteration: number | undefined;
  /** The current socket's peer (for UDP: the last datagram's sender). */
  readonly peer: string | undefined;
  /** Where `file PATH` payloads are read from. */
  readonly baseDirectory: string;
}

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

function macroName(macro: Macro): string {
  switch (macro.kind) {
    case 'variable':
      return macro.name;
    case 'env':
      return `env:${macro.name}`;
    case 'random_hex':
      return `random_hex ${macro.digits}`;
    default:
      return macro.kind;
  }
}

export function macroBytes(macro: Macro, scope: Scope): Uint8Array {
  switch (macro.kind) {
    case 'variable': {
      const value = scope.variable(macro.name);
      if (value === undefined) {
        throw new WireError('UNKNOWN_VARIABLE', `unknown variable '${macro.name}'`, { reason: 'variable-unknown', name: macro.name });
      }
      return value;
    }
    case 'env': {
      const value = scope.env[macro.name];
      if (value === undefined) {
        throw new WireError('UNKNOWN_VARIABLE', `unknown environment variable '${macro.name}'`, { reason: 'env-unknown', name: macro.name });
      }
      return utf8.encode(value);
    }
    case 'counter':
      return utf8.encode(String(scope.counter));
    case 'i':
      if (scope.iteration === undefined) {
        throw new WireError('UNKNOWN_VARIABLE', "'{{i}}' is used outside 'repeat'", { reason: 'iteration-outside-repeat', name: 'i' });
      }
      return utf8.encode(String(scope.iteration));
    case 'time':
      return utf8.encode(new Date().toISOString());
    case 'unix_ms':
      return utf8.encode(String(Date.now()));
    case 'random_hex':
      return utf8.encode(randomBytes(Math.ceil(macro.digits / 2)).toString('hex').slice(0, macro.digits));
    case 'uuid':
      return utf8.encode(randomUUID());
    case 'peer':
      if (scope.peer === undefined) {
        throw new WireError('UNKNOWN_VARIABLE', "'{{peer}}' has no value yet: no peer is known on this socket", { reason: 'peer-unknown', name: 'peer' });
      }
      return utf8.encode(scope.peer);
  }
}

/** A template as text (specs, hex, paths): variable bytes are read as UTF-8. */
export function expandText(template: Template, scope: Scope): string {
  let text = '';
  for (const part of template.parts) {
    text += part.kind === 'text' ? part.text : utf8Text.decode(macroBytes(part.macro, scope));
  }
  return text;
}

/** Bytes of payloads without macros: the same on every send, so built once per parsed payload. */
const literalBytes = new WeakMap<Payload, Uint8Array>();

/** No macros and no file: the same bytes on every use. */
export function isLiteral(payload: Payload): boolean {
  return payload.kind !== 'file' && payload.template.parts.every((part) => part.kind === 'text');
}

/** A payload's bytes. Throws WireError (PAYLOAD, UNKNOWN_VARIABLE) naming what is wrong. */
export function payloadBytes(payload: Payload, scope: Scope): Uint8Array {
  const cached = literalBytes.get(payload);
  if (cached !== undefined) {
    return cached;
  }
  if (payload.kind === 'string' || payload.kind === 'heredoc') {
    return joinPieces(templatePieces(payload), scope);
  }
  const bytes = buildBytes(payload, scope);
  if (isLiteral(payload)) {
    literalBytes.set(payload, bytes);
  }
  return bytes;
}

/** A string's or heredoc's text parts as bytes, between its macros: encoded once per parsed payload. */
const pieceCache = new WeakMap<Payload, readonly (Uint8Array | Macro)[]>();

function templatePieces(payload: Extract<Payload, { kind: 'string' | 'heredoc' }>): readonly (Uint8Array | Macro)[] {
  let pieces = pieceCache.get(payload);
  if (pieces === undefined) {
    pieces = payload.template.parts.map((part) => (part.kind === 'macro' ? part.macro : payload.kind === 'string' ? encodeEscapes(part.text) : utf8.encode(part.text)));
    pieceCache.set(payload, pieces);
    if (pieces.every((piece): piece is Uint8Array => piece instanceof Uint8Array)) {
      // No macros: later calls find the joined bytes in literalBytes (one piece is kept as it is, as before).
      literalBytes.set(payload, pieces.length === 1 ? pieces[0] : Buffer.concat(pieces));
    }
  }
  return pieces;
}

/** The pieces with each macro expanded now; one piece is returned as it is (as concat does). */
function joinPieces(pieces: readonly (Uint8Array | Macro)[], scope: Scope): Uint8Array {
  if (pieces.length === 1) {
    const only = pieces[0];
    return only instanceof Uint8Array ? only : macroBytes(only, scope);
  }
  const chunks: Uint8Array[] = [];
  for (const piece of pieces) {
    chunks.push(piece instanceof Uint8Array ? piece : macroBytes(piece, scope));
  }
  return Buffer.concat(chunks);
}

function buildBytes(payload: Exclude<Payload, { kind: 'string' | 'heredoc' }>, scope: Scope): Uint8Array {
  switch (payload.kind) {
    case 'hex':
    case 'base64': {
      const text = expandText(payload.template, scope);
      try {
        return encodePayload(text, payload.kind);
      } catch (error) {
        const message = isEngineError(error) ? error.message : String(error);
        const facts: Record<string, string | number | boolean | undefined> = isEngineError(error) ? { engineCode: error.code } : {};
        for (const [key, value] of Object.entries(isEngineError(error) ? error.data : {})) {
          facts[`engine.${key}`] = value;
        }
        throw new WireError('PAYLOAD', `invalid ${payload.kind} after expanding '${payload.template.source}': ${message}`, {
          reason: 'codec',
          encoding: payload.kind,
          source: payload.template.source,
          engineMessage: message,
          ...facts,
        });
      }
    }
    case 'file': {
      const relative = expandText(payload.template, scope);
      const file = path.resolve(scope.baseDirectory, relative);
      try {
        return fs.readFileSync(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        throw new WireError('PAYLOAD', `cannot read payload file ${file}: ${code}`, { reason: 'file-unreadable', path: file, systemCode: code });
      }
    }
  }
}

/** Cache: the literal parts of a string payload are the same bytes on every send. */
const escapeCache = new Map<string, Uint8Array>();

function encodeEscapes(text: string): Uint8Array {
  let bytes = escapeCache.get(text);
  if (bytes === undefined) {
    bytes = encodePayload(unquote(text).text, 'escapes');
    if (escapeCache.size > 10_000) {
      escapeCache.clear();
    }
    escapeCache.set(text, bytes);
  }
  return bytes;
}

/** For messages: `{{name}}` as written. */
export function describeMacro(macro: Macro): string {
  return `{{${macroName(macro)}}}`;
}
