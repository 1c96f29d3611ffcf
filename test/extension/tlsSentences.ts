/**
 * The TLS failures' data as the engine gives it (src/engine/tlsErrors.ts), one case per reason, for
 * the sentence tables in English (tls.test.ts) and Turkish (tls.tr.test.ts).
 */
import { EngineError, withReason, type EngineErrorData, type TlsErrorReason } from '../../src/engine';

export const TLS_CASES: ReadonlyArray<readonly [TlsErrorReason, EngineErrorData]> = [
  ['tls-unknown-ca', { host: 'localhost', port: 4433, systemCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }],
  ['tls-self-signed', { host: 'localhost', port: 4433, systemCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }],
  ['tls-expired', { host: 'localhost', port: 4433, systemCode: 'CERT_HAS_EXPIRED', validTo: '2025-01-01T00:00:00.000Z' }],
  ['tls-not-yet-valid', { host: 'localhost', port: 4433, systemCode: 'CERT_NOT_YET_VALID', validFrom: '2030-01-01T00:00:00.000Z' }],
  ['tls-hostname-mismatch', { host: 'example.test', port: 4433, names: 'localhost,127.0.0.1,::1', systemCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }],
  ['tls-no-common-protocol', { host: 'localhost', port: 4433, systemCode: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' }],
  ['tls-client-certificate-required', { host: 'localhost', port: 4433, systemCode: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }],
  ['tls-client-certificate-rejected', { peer: '127.0.0.1:50312', systemCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }],
  ['tls-not-tls', { host: '127.0.0.1', port: 8080, systemCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }],
  ['tls-handshake-timeout', { host: '127.0.0.1', port: 8080, timeout: 10000 }],
  ['tls-handshake-failed', { host: 'localhost', port: 4433, systemCode: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' }],
  ['tls-file-unreadable', { option: 'ca', path: '/tmp/missing.pem', systemCode: 'ENOENT' }],
  ['tls-credentials-invalid', { systemCode: 'ERR_OSSL_PEM_NO_START_LINE', path: '/tmp/bad.pem' }],
];

export function tlsError(reason: TlsErrorReason, data: EngineErrorData): EngineError {
  return new EngineError('TLS', `english words the user must not see (${reason})`, withReason(reason, data));
}
