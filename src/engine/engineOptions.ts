/** What a SocketEngine is made with, and what open(), startTls() and the all-interfaces question take. */
import type { LookupFunction } from './resolve';
import type { TranscriptLimits } from './shared/types';
import type { StartTlsRequest } from './starttls';
import type { TlsCredentials } from './tlsOptions';

export interface EngineOptions {
  readonly transcriptLimits?: Partial<TranscriptLimits>;
  /**
   * Captured bytes all transcripts together may hold (default 256 MiB). Over it, the oldest entry
   * across every socket is evicted first.
   */
  readonly maxTotalTranscriptBytes?: number;
  /** How often coalesced counter updates are published, in ms. */
  readonly statsIntervalMs?: number;
  /** Connect timeout for clients whose spec sets none, in ms. */
  readonly connectTimeoutMs?: number;
  /** Name resolution, replaceable in tests. */
  readonly lookup?: LookupFunction;
  /**
   * Asked before a TCP or UDP listener binds every interface, with the address it resolved to
   * (0.0.0.0, ::, ::ffff:0.0.0.0). Resolving false leaves the socket closed and open() rejects
   * with CANCELLED (reason all-interfaces-declined). Absent: every bind goes ahead.
   */
  readonly confirmAllInterfaces?: (request: BindRequest) => Promise<boolean>;
  /**
   * Where relative `ca=`, `cert=` and `key=` paths of TLS specs resolve (OpenOptions.baseDirectory
   * wins); a function is asked at each open. Absent: the process's working directory.
   */
  readonly baseDirectory?: string | (() => string | undefined);
  /**
   * The certificate and key of a tls-listen:// server whose spec has no cert= and key=. The
   * extension keeps one in its global storage and renews it; absent, the engine makes a self-signed
   * one for localhost, 127.0.0.1 and ::1 once, in memory.
   */
  readonly defaultCredentials?: () => Promise<TlsCredentials>;
}

/**
 * startTls: the name to send and check (default: the host the client connected to), whether to
 * skip verification, and a CA file (resolved like a spec's ca=).
 */
export type StartTlsOptions = StartTlsRequest;

export interface BindRequest {
  readonly id: string;
  readonly name?: string;
  /** The canonical spec text. */
  readonly spec: string;
  /** The address about to be bound, after name resolution. */
  readonly address: string;
  readonly port: number;
}

export interface OpenOptions {
  readonly name?: string;
  /** Where this socket's relative TLS paths resolve (the .wire file's folder, the workspace). */
  readonly baseDirectory?: string;
  /** Cancels a connect in progress; the socket is then closed and open() rejects with CANCELLED. */
  readonly signal?: AbortSignal;
}
