/**
 * The self-signed certificate a `tls-listen://` server uses without `cert=`/`key=`: made on first
 * use, kept in the extension's global storage (`tls/localhost.crt` and `tls/localhost.key`) so
 * that a client trusting the exported PEM keeps trusting it across reloads, and made again once it
 * has expired. The engine makes the certificate; this only keeps it.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { certificateExpiry, createSelfSignedCertificate } from './engine';
import type { Logger } from './log';

export interface Credentials {
  readonly cert: string;
  readonly key: string;
}

/** The engine's certificate functions (createSelfSignedCertificate, certificateExpiry), passed in. */
export interface CertificateMaker {
  create(): Promise<Credentials> | Credentials;
  /** When the PEM stops being valid. */
  expiry(pem: string): Date | number | string;
}

interface Kept extends Credentials {
  readonly notAfter: number;
}

function time(value: Date | number | string): number {
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

export class CertificateStore {
  readonly certificatePath: string;
  readonly keyPath: string;
  private kept: Kept | undefined;
  private pending: Promise<Kept> | undefined;

  constructor(
    readonly directory: string,
    private readonly maker: CertificateMaker,
    private readonly log: Logger,
    /** The clock, so a test can be a year ahead. */
    private readonly now: () => number = Date.now,
  ) {
    this.certificatePath = path.join(directory, 'localhost.crt');
    this.keyPath = path.join(directory, 'localhost.key');
  }

  /** The certificate and key, valid now: read once, made when missing or unreadable, renewed when expired. */
  async credentials(): Promise<Credentials> {
    if (this.kept !== undefined && this.kept.notAfter > this.now()) {
      return { cert: this.kept.cert, key: this.kept.key };
    }
    // Several listeners opening at once share one read (and at most one new certificate).
    this.pending ??= this.load().finally(() => {
      this.pending = undefined;
    });
    const kept = await this.pending;
    return { cert: kept.cert, key: kept.key };
  }

  private async load(): Promise<Kept> {
    const stored = await this.read();
    if (stored !== undefined && stored.notAfter > this.now()) {
      this.kept = stored;
      return stored;
    }
    const made = await this.maker.create();
    const kept: Kept = { ...made, notAfter: time(this.maker.expiry(made.cert)) };
    await fs.mkdir(this.directory, { recursive: true });
    // The key first and private; the certificate last, so a half-written pair is never read as valid.
    await fs.writeFile(this.keyPath, kept.key, { mode: 0o600 });
    await fs.chmod(this.keyPath, 0o600);
    await fs.writeFile(this.certificatePath, kept.cert);
    const until = new Date(kept.notAfter).toISOString();
    if (stored === undefined) {
      this.log.info(`created a self-signed certificate for localhost, 127.0.0.1 and ::1, valid until ${until}: ${this.certificatePath}`);
    } else {
      this.log.info(`renewed the self-signed certificate (it expired ${new Date(stored.notAfter).toISOString()}), valid until ${until}: ${this.certificatePath}`);
    }
    this.kept = kept;
    return kept;
  }

  /** The kept pair, or undefined when there is none or it cannot be read (then a new one is made). */
  private async read(): Promise<Kept | undefined> {
    try {
      const [cert, key] = await Promise.all([fs.readFile(this.certificatePath, 'utf8'), fs.readFile(this.keyPath, 'utf8')]);
      const notAfter = time(this.maker.expiry(cert));
      if (!Number.isFinite(notAfter) || !key.includes('PRIVATE KEY')) {
        this.log.warn(`the kept certificate ${this.certificatePath} is unreadable; making a new one`);
        return undefined;
      }
      return { cert, key, notAfter };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn(`the kept certificate ${this.certificatePath} is unreadable (${String(error)}); making a new one`);
      }
      return undefined;
    }
  }
}

/** The store in the extension's global storage (`…/tls/`), making certificates with the engine. */
export function keptCertificates(globalStorage: string, log: Logger): CertificateStore {
  return new CertificateStore(path.join(globalStorage, 'tls'), { create: () => createSelfSignedCertificate(), expiry: certificateExpiry }, log);
}
