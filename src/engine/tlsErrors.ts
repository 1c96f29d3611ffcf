/**
 * Handshake failures as engine errors: OpenSSL's and Node's codes (each mapping below was seen in a
 * real handshake, test/engine/tlsErrors.test.ts) turned into one reason the UI can word and fix.
 */
import { EngineError, withReason, type EngineErrorData, type TlsErrorReason } from './shared/errors';
import { subjectAltNames } from './certificate';

const VERIFY_REASONS: ReadonlyMap<string, TlsErrorReason> = new Map([
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-self-signed'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-unknown-ca'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-unknown-ca'],
  ['UNABLE_TO_GET_ISSUER_CERT', 'tls-unknown-ca'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls-unknown-ca'],
  ['CERT_UNTRUSTED', 'tls-unknown-ca'],
  ['CERT_SIGNATURE_FAILURE', 'tls-unknown-ca'],
  ['CERT_HAS_EXPIRED', 'tls-expired'],
  ['CERT_NOT_YET_VALID', 'tls-not-yet-valid'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-hostname-mismatch'],
  ['ERR_SSL_CERTIFICATE_VERIFY_FAILED', 'tls-unknown-ca'],
]);

/** Alerts and local failures that mean the two ends share no version, cipher or ALPN protocol. */
const NO_COMMON = new Set([
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_SHARED_CIPHER',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
  'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL',
  'ERR_SSL_NO_APPLICATION_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY',
  'ERR_SSL_WRONG_SSL_VERSION',
]);

/** The peer's first bytes were no TLS record. */
const NOT_TLS = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_HTTPS_PROXY_REQUEST',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_RECORD_LAYER_FAILURE',
  'ERR_SSL_UNKNOWN_PROTOCOL',
]);

/** Alert 116 (TLS 1.3) or the server's own view: no client certificate came. */
const CERTIFICATE_REQUIRED = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
]);

/** The peer refused the certificate it got. */
const CERTIFICATE_REFUSED = new Set([
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
]);

export interface HandshakeContext {
  /** Which end we are: a client checks the server's certificate, a server the client's. */
  readonly side: 'client' | 'server';
  /** The name (or IP) the certificate was checked against. */
  readonly host?: string;
  readonly port?: number;
  /** A server: the client's address. */
  readonly peer?: string;
  /** We sent a certificate of our own (a client with cert=, a server always). */
  readonly offeredCertificate: boolean;
  /** A server that asked for client certificates. */
  readonly requestCert?: boolean;
}

interface NodeTlsError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly host?: unknown;
  readonly cert?: { readonly subjectaltname?: string; readonly valid_to?: string; readonly valid_from?: string; readonly subject?: { readonly CN?: string | string[] } };
}

function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** The names a certificate covers: its SANs, else its CN (as old certificates have it). */
function coveredNames(cert: NodeTlsError['cert']): string {
  const sans = subjectAltNames(cert?.subjectaltname).map((name) => name.replace(/^(DNS|IP):/, ''));
  if (sans.length > 0) {
    return sans.join(',');
  }
  const cn = cert?.subject?.CN;
  return Array.isArray(cn) ? cn.join(',') : cn ?? '';
}

/** The reason for a Node/OpenSSL code, or undefined when it is no handshake failure we know. */
export function tlsReason(systemCode: string, context: HandshakeContext): TlsErrorReason | undefined {
  // OpenSSL 3 says `ssl/tls alert`, 1.1 said `sslv3 alert`: one spelling below.
  const code = systemCode.replace(/^ERR_SSL_SSL\/TLS_ALERT_/, 'ERR_SSL_SSLV3_ALERT_');
  const verify = VERIFY_REASONS.get(code);
  if (verify !== undefined) {
    // A server checks the client's certificate: any verification failure is a rejected client certificate.
    return context.side === 'server' ? 'tls-client-certificate-rejected' : verify;
  }
  if (NO_COMMON.has(code)) {
    return 'tls-no-common-protocol';
  }
  if (NOT_TLS.has(code)) {
    return 'tls-not-tls';
  }
  if (CERTIFICATE_REQUIRED.has(code)) {
    return 'tls-client-certificate-required';
  }
  if (code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' && context.side === 'client' && !context.offeredCertificate) {
    // TLS 1.2 servers that require a client certificate answer a missing one with handshake_failure (40).
    return 'tls-handshake-failed';
  }
  if (CERTIFICATE_REFUSED.has(code)) {
    return context.side === 'client' && context.offeredCertificate ? 'tls-client-certificate-rejected' : 'tls-handshake-failed';
  }
  if (code === 'ERR_TLS_HANDSHAKE_TIMEOUT') {
    return 'tls-handshake-timeout';
  }
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') ? 'tls-handshake-failed' : undefined;
}

/** Turns a handshake failure into an EngineError with code TLS, or undefined for non-TLS failures. */
export function tlsError(error: unknown, context: HandshakeContext): EngineError | undefined {
  if (error instanceof EngineError) {
    return error.code === 'TLS' ? error : undefined;
  }
  const record = (typeof error === 'object' && error !== null ? error : {}) as NodeTlsError;
  const code = typeof record.code === 'string' ? record.code : undefined;
  if (code === undefined) {
    return undefined;
  }
  const reason = tlsReason(code, context);
  if (reason === undefined) {
    return undefined;
  }
  const message = typeof record.message === 'string' ? record.message : code;
  const where: EngineErrorData = {
    ...(context.host === undefined ? {} : { host: context.host }),
    ...(context.port === undefined ? {} : { port: context.port }),
    ...(context.peer === undefined ? {} : { peer: context.peer }),
  };
  const data: Record<string, string | number | boolean | undefined> = { ...where, systemCode: code };
  if (reason === 'tls-hostname-mismatch') {
    data.host = typeof record.host === 'string' ? record.host : context.host;
    data.names = coveredNames(record.cert);
  } else if (reason === 'tls-expired') {
    data.validTo = isoDate(record.cert?.valid_to);
  } else if (reason === 'tls-not-yet-valid') {
    data.validFrom = isoDate(record.cert?.valid_from);
  }
  return new EngineError('TLS', message, withReason(reason, data));
}

/** Our own handshake timer ran out. */
export function handshakeTimeout(timeout: number, context: HandshakeContext): EngineError {
  return new EngineError(
    'TLS',
    `the TLS handshake did not finish within ${timeout} ms`,
    withReason('tls-handshake-timeout', { host: context.host, port: context.port, timeout }),
  );
}
