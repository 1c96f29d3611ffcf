/** What a finished handshake decided, as plain data for SocketInfo.tls and the transcript. */
import type { X509Certificate } from 'node:crypto';
import type * as tls from 'node:tls';
import { summarize, summarizeCertificate } from './certificate';
import type { CertificateSummary, TlsInfo } from './shared/types';

/** The chain above the peer's certificate, as node:tls links it (a self-signed root links to itself). */
function chainOf(leaf: X509Certificate): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  const seen = new Set<string>([leaf.fingerprint256]);
  let next = leaf.issuerCertificate;
  while (next !== undefined && !seen.has(next.fingerprint256) && chain.length < 16) {
    seen.add(next.fingerprint256);
    chain.push(summarize(next));
    next = next.issuerCertificate;
  }
  return chain;
}

export interface DescribeOptions {
  readonly insecure: boolean;
  /** The SNI a client sent (a server reads it off the socket). */
  readonly servername?: string;
  /** The PEM this end presents, when the socket cannot tell (a server's own info, before any connection). */
  readonly localPem?: string;
  /** Summaries made once per server, shared by its connections. */
  readonly localSummary?: CertificateSummary | null;
  /**
   * The peer's certificate, fetched by the caller (it keeps it: in Node 22, getPeerX509Certificate
   * gives the certificate once, later calls give undefined); false: none was asked for.
   */
  readonly peer?: X509Certificate | false;
}

export function describeTls(socket: tls.TLSSocket, options: DescribeOptions): TlsInfo {
  const cipher = socket.getCipher() as (tls.CipherNameAndProtocol & { standardName?: string }) | undefined;
  // getPeerX509Certificate is far cheaper than getPeerCertificate(true), which builds legacy objects for the whole chain.
  const peer = options.peer === false ? undefined : options.peer ?? socket.getPeerX509Certificate();
  const local = options.localSummary !== undefined ? options.localSummary : localSummary(socket, options.localPem);
  const error = socket.authorizationError as Error | string | null | undefined;
  const authorizationError = error === null || error === undefined ? null : typeof error === 'string' ? error : String((error as { code?: unknown }).code ?? error.message);
  const authorized = socket.authorized === true;
  const servername = options.servername ?? (typeof socket.servername === 'string' && socket.servername !== '' ? socket.servername : undefined);
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: cipher === undefined ? null : cipher.standardName ?? cipher.name,
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
    servername: servername ?? null,
    authorized,
    authorizationError: authorized ? null : authorizationError,
    verified: authorized && !options.insecure,
    insecure: options.insecure,
    peerCertificate: peer === undefined ? null : summarize(peer),
    peerChain: peer === undefined ? [] : chainOf(peer),
    localCertificate: local,
  };
}

function localSummary(socket: tls.TLSSocket, pem: string | undefined): CertificateSummary | null {
  const own = socket.getX509Certificate();
  if (own !== undefined) {
    return summarize(own);
  }
  return pem === undefined ? null : summarizeCertificate(pem);
}

/** A server's own info before and between handshakes: its certificate, nothing negotiated. */
export function serverTlsInfo(local: CertificateSummary | null, insecure: boolean): TlsInfo {
  return {
    protocol: null,
    cipher: null,
    alpn: null,
    servername: null,
    authorized: false,
    authorizationError: null,
    verified: false,
    insecure,
    peerCertificate: null,
    localCertificate: local,
  };
}

/** The handshake as one transcript detail: `TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=h2 sni=localhost verified`. */
export function handshakeDetail(info: TlsInfo): string {
  const parts = [info.protocol ?? '?', info.cipher ?? '?'];
  if (info.alpn !== null) {
    parts.push(`alpn=${info.alpn}`);
  }
  if (info.servername !== null) {
    parts.push(`sni=${info.servername}`);
  }
  if (info.verified) {
    parts.push('verified');
  } else if (info.peerCertificate === null && !info.insecure) {
    // A server's client that sent no certificate (none was asked for).
    parts.push('no peer certificate');
  } else {
    parts.push(info.insecure ? 'unverified (insecure)' : `unverified${info.authorizationError === null ? '' : ` (${info.authorizationError})`}`);
  }
  return parts.join(' ');
}
