/** Reading error data for the sentences: every value as text, and where a failure happened. */
import type { EngineErrorData } from '../engine';

/** The value as text; '' when absent, so a sentence never shows "undefined". */
export function text(data: EngineErrorData, key: string): string {
  const value = data[key];
  return value === undefined ? '' : String(value);
}

/** Where the failure happened, as `address:port` or a path. */
export function where(data: EngineErrorData): string {
  if (data.path !== undefined) {
    return String(data.path);
  }
  const address = text(data, 'address') || text(data, 'host');
  const port = text(data, 'port');
  if (address === '') {
    return port;
  }
  const bracketed = address.includes(':') ? `[${address}]` : address;
  return port === '' ? bracketed : `${bracketed}:${port}`;
}

/** A scheme as users type it in front of an address: `tcp://`. */
export function schemePrefix(data: EngineErrorData): string {
  return `${text(data, 'scheme')}://`;
}
