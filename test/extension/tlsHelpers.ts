/**
 * Shared by the TLS suites: independent peers (openssl, curl, a python3 STARTTLS server), the bytes
 * a socket received, and bounded waits. Every peer runs on 127.0.0.1 with a deadline.
 */
import { spawn } from 'node:child_process';
import type { ActivatedApi } from '../../src/extension';
import { waitFor } from './commandsHelpers';

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end (killed after the deadline), feeding it `input`. */
export function runProgram(command: string, args: readonly string[], input = '', timeoutMs = 15_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.on('error', () => undefined);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** The bytes a socket received (or sent), in order, as latin1 text so every byte maps to one character. */
export function transcriptBytes(api: ActivatedApi, id: string, direction: 'in' | 'out'): string {
  return api
    .transcript(id)
    .entries.filter((entry) => entry.kind === 'data' && entry.direction === direction && entry.data !== undefined)
    .map((entry) => Buffer.from(entry.data ?? new Uint8Array()).toString('latin1'))
    .join('');
}

export async function waitForBytes(api: ActivatedApi, id: string, direction: 'in' | 'out', expected: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(`${id} to have ${direction === 'in' ? 'received' : 'sent'} ${JSON.stringify(expected)}`, () => (transcriptBytes(api, id, direction) === expected ? true : undefined), timeoutMs);
}

/**
 * A python3 server that speaks a line-based protocol, upgrades after `STARTTLS\r\n` (SMTP style)
 * with the certificate and key given, answers the next line with `250 got LINE`, and prints a
 * RESULT line with what it saw: the line, the TLS version and the SNI name.
 */
const STARTTLS_SERVER = String.raw`
import json, socket, ssl, sys
cert, key = sys.argv[1], sys.argv[2]
server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen(1)
server.settimeout(20)
print('READY', server.getsockname()[1], flush=True)
seen = {}
def sni(sock, name, context):
    seen['sni'] = name
def read_line(sock):
    line = b''
    while not line.endswith(b'\n'):
        chunk = sock.recv(1)
        if not chunk:
            break
        line += chunk
    return line
conn, _ = server.accept()
conn.settimeout(20)
conn.sendall(b'220 ready\r\n')
command = read_line(conn)
if command != b'STARTTLS\r\n':
    conn.sendall(b'500 expected STARTTLS\r\n')
    print('RESULT', json.dumps({'error': command.decode('latin1')}), flush=True)
    sys.exit(0)
conn.sendall(b'220 go ahead\r\n')
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
context.sni_callback = sni
try:
    tls = context.wrap_socket(conn, server_side=True)
except (ssl.SSLError, OSError) as error:
    print('RESULT', json.dumps({'handshake': str(error)}), flush=True)
    sys.exit(0)
line = read_line(tls)
tls.sendall(b'250 got ' + line)
print('RESULT', json.dumps({'line': line.decode('latin1'), 'version': tls.version(), 'sni': seen.get('sni')}), flush=True)
tls.close()
`;

export interface StartTlsServer {
  readonly port: number;
  readonly result: Promise<Record<string, unknown>>;
  kill(): void;
}

export async function startTlsServer(certificatePath: string, keyPath: string, timeoutMs = 30_000): Promise<StartTlsServer> {
  const child = spawn('python3', ['-c', STARTTLS_SERVER, certificatePath, keyPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  child.once('close', () => clearTimeout(timer));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const ready = /READY (\d+)/.exec(output);
      if (ready !== null) {
        resolve(Number(ready[1]));
      }
    });
    child.once('close', () => reject(new Error(`the STARTTLS server ended before READY: ${output} ${errors}`)));
  });
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    const check = (): void => {
      const line = /RESULT (.*)\n/.exec(output);
      if (line !== null) {
        resolve(JSON.parse(line[1]) as Record<string, unknown>);
      }
    };
    child.stdout.on('data', check);
    child.once('close', () => {
      check();
      reject(new Error(`the STARTTLS server ended without a RESULT: ${output} ${errors}`));
    });
  });
  // A test that fails early does not wait for it; the rejection is then expected.
  result.catch(() => undefined);
  return { port, result, kill: () => child.kill('SIGKILL') };
}
