// What the scanner reports and what it is given. Plain data, no vscode.
import type { NodeApiMapping } from '../types';

export type MatchKind =
  /** A bare identifier: C/C++, or Python after `from socket import …`. */
  | 'identifier'
  /** A qualified name: `socket.AF_INET`, `syscall.AF_INET`, `libc::AF_INET`, `errno.EPIPE`. */
  | 'qualified'
  /** A Go network string: `"tcp4"` as the network argument of net.Dial/Listen/…. */
  | 'go-network'
  /** A Node.js API that maps to a constant: `.setNoDelay(`, `{ reuseAddr: true }`. */
  | 'node-api'
  /** Python's special host strings `''` and `'<broadcast>'` in an address tuple. */
  | 'python-host';

export type Transport = 'tcp' | 'udp';

export interface HostMatch {
  /** The string's content: '' or '<broadcast>'. */
  readonly literal: string;
  /** The call the address goes to: 'bind', 'connect', 'sendto', 'create_server', … */
  readonly call: string;
  /** The port when it is an integer literal right after the host. */
  readonly port?: number;
  /** A guess from the call and nearby lines; used for the "open a client" link. */
  readonly transport: Transport;
}

export interface ScanResult {
  /** Name of the table entry (`AF_INET`, `"tcp4"`, `INADDR_ANY` for a Python host). */
  readonly name: string;
  /** Range of the hovered token on the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly kind: MatchKind;
  /** The token as written (`reuseAddr`, `"tcp4"`, `''`, `WSAECONNREFUSED`). */
  readonly text: string;
  /** The qualifier as written, without the separator: `socket`, `socket.AddressFamily`, `syscall`, `libc`. */
  readonly qualifier?: string;
  readonly nodeApi?: NodeApiMapping;
  readonly host?: HostMatch;
}

/** What a Python document imports from socket/errno; compute once per document version. */
export interface PythonImports {
  /** Names bound to the socket module (`socket`, or `sock` after `import socket as sock`). */
  readonly socketModules: ReadonlySet<string>;
  readonly errnoModules: ReadonlySet<string>;
  readonly socketStar: boolean;
  readonly errnoStar: boolean;
  /** Local name → constant name, from `from socket import AF_INET as FAMILY` and the like. */
  readonly importedNames: ReadonlyMap<string, string>;
}

export interface ScanContext {
  readonly pythonImports?: PythonImports;
  /** Index of the hovered line, for lineAt. */
  readonly line?: number;
  /** Text of another line of the document, or undefined outside it. Called for a few lines only. */
  readonly lineAt?: (line: number) => string | undefined;
}

