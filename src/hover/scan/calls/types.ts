// What the socket-call recognisers report: one call whose address is known from the source text
// alone. Plain data, no vscode; the CodeLens turns it into a peer spec.

export type CallRole = 'listen' | 'connect';
export type CallTransport = 'tcp' | 'udp' | 'unix';

export interface SocketCall {
  /** Zero-based line and the character range of the callee name (`bind`, `Listen`, `TcpListener::bind`). */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The callee as the recogniser names it: `bind`, `net.Dial`, `asyncio.start_server`, `TcpStream::connect`. */
  readonly call: string;
  /** What the code does: `listen` (bind, listen, create_server) or `connect` (connect, dial, sendto). */
  readonly role: CallRole;
  readonly transport: CallTransport;
  /** The host as written: '' for any address (Python '', Go ":8080", C INADDR_ANY), or an address or name. */
  readonly host?: string;
  readonly port?: number;
  /** UNIX socket path. */
  readonly path?: string;
}

/** A value the source spells out: a literal, or a name assigned exactly one literal in the file. */
export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'tuple'; readonly items: readonly (Literal | undefined)[] }
  /** C: INADDR_ANY, INADDR_LOOPBACK and friends. */
  | { readonly kind: 'symbol'; readonly value: string };
