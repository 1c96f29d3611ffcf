/**
 * A TLS spec's query turned into what node:tls takes: the PEM files read (relative to the base
 * directory), the server's default credentials when it names none, the SNI rule.
 */
import { promises as fs } from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';
import type * as tls from 'node:tls';
import { createSelfSignedCertificate } from './certificate';
import { EngineError, withReason } from './shared/errors';
import type { SpecOptions } from './shared/types';

export interface TlsCredentials {
  readonly cert: string;
  readonly key: string;
}

/** What opening a TLS socket needs from the engine. */
export interface TlsContext {
  readonly baseDirectory?: string;
  /** A server's certificate when its spec names none. */
  readonly defaultCredentials: () => Promise<TlsCredentials>;
}

/** The files and settings of one TLS socket, read once per open. */
export interface TlsMaterial {
  readonly secure: tls.SecureContextOptions;
  readonly alpn?: string[];
  readonly insecure: boolean;
  /** The certificate this end presents (PEM), for certificate() and the server's own TlsInfo. */
  readonly cert?: string;
}

async function readPem(option: 'ca' | 'cert' | 'key', file: string, base: string | undefined): Promise<string> {
  const full = path.resolve(base ?? process.cwd(), file);
  try {
    return await fs.readFile(full, 'utf8');
  } catch (error) {
    const systemCode = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new EngineError('TLS', `cannot read ${option}= file ${full}: ${(error as Error).message}`, withReason('tls-file-unreadable', { option, path: full, systemCode }));
  }
}

/** Reads the PEM files a spec names; a server without cert/key gets the default credentials. */
export async function tlsMaterial(options: SpecOptions, role: 'listen' | 'connect', context: TlsContext): Promise<TlsMaterial> {
  const base = context.baseDirectory;
  const ca = options.ca === undefined ? undefined : await readPem('ca', options.ca, base);
  let cert = options.cert === undefined ? undefined : await readPem('cert', options.cert, base);
  let key = options.key === undefined ? undefined : await readPem('key', options.key, base);
  if (role === 'listen' && (cert === undefined || key === undefined)) {
    const credentials = await context.defaultCredentials();
    cert = credentials.cert;
    key = credentials.key;
  }
  const secure: tls.SecureContextOptions = {
    ...(ca === undefined ? {} : { ca }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(options.minVersion === undefined ? {} : { minVersion: options.minVersion }),
    ...(options.maxVersion === undefined ? {} : { maxVersion: options.maxVersion }),
  };
  return { secure, alpn: options.alpn, insecure: options.insecure === true, cert };
}

/** SNI is a host name, never an IP literal (RFC 6066; Node warns and OpenSSL drops it). */
export function sniName(servername: string | undefined, host: string | undefined): string | undefined {
  const name = servername ?? host;
  if (name === undefined || name === '' || isIP(name.split('%')[0]) !== 0) {
    return undefined;
  }
  return name;
}

/** The engine's own self-signed credentials, made once per engine on first use. */
export function memoizedSelfSigned(): () => Promise<TlsCredentials> {
  let made: Promise<TlsCredentials> | undefined;
  return () => {
    made ??= createSelfSignedCertificate().then(({ cert, key }) => ({ cert, key }));
    // A failure is not remembered: the next listen tries again.
    made.catch(() => (made = undefined));
    return made;
  };
}

/** A PEM that node:tls refuses (bad text, key not matching) as an engine error. */
export function credentialsError(error: unknown, file?: string): EngineError {
  const systemCode = (error as NodeJS.ErrnoException).code ?? 'ERR_OSSL';
  return new EngineError(
    'TLS',
    `the certificate or key is not usable: ${(error as Error).message}`,
    withReason('tls-credentials-invalid', { systemCode, ...(file === undefined ? {} : { path: file }) }),
  );
}
