/** Engine values in wire terms, shared by the rules and the runner: a peer address as text, any failure as a WireError. */
import type { Address } from '../engine/index';
import { formatAddress, isEngineError } from '../engine/index';
import { isWireError, WireError } from './errors';
import { cancelled } from './inbox';

/** The engine's own address text (`127.0.0.1:5000`, `[::1]:53`, a UNIX path), or undefined. */
export function formatPeer(address: Address | undefined): string | undefined {
  return address === undefined ? undefined : formatAddress(address);
}

/** Any failure as a WireError: the engine's keep their code and reason in data. */
export function toWireError(error: unknown): WireError {
  if (isWireError(error)) {
    return error;
  }
  if (isEngineError(error)) {
    return new WireError('ENGINE', error.message, { ...error.data, reason: 'engine', engineCode: error.code, engineReason: typeof error.data.reason === 'string' ? error.data.reason : undefined });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return cancelled();
  }
  return new WireError('ENGINE', error instanceof Error ? error.message : String(error), { reason: 'unexpected' });
}
