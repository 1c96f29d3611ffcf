/**
 * tshark and capinfos as independent readers of the captures the engine writes. Every run is
 * bounded in time; a non-zero exit or anything on stderr fails the test with tshark's own words.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as readline from 'node:readline';

function run(command: string, args: readonly string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      // tshark warns about running as root on stderr; that is not a problem with the file.
      const problems = stderr
        .split('\n')
        .filter((line) => line.trim() !== '' && !/Running as user "root"|This could be dangerous/.test(line));
      if (error !== null || problems.length > 0) {
        reject(new Error(`${command} ${args.join(' ')} failed: ${error?.message ?? ''}\n${problems.join('\n')}`));
        return;
      }
      resolve(stdout);
    });
  });
}

export interface FollowedStream {
  /** Node 0 and node 1 as tshark names them (`127.0.0.1:5000`). */
  readonly nodes: readonly [string, string];
  /** The bytes node 0 sent, and the bytes node 1 sent. */
  readonly sent: readonly [Buffer, Buffer];
}

/** `tshark -q -z follow,PROTOCOL,raw,INDEX`, parsed: raw lines of node 1 are indented by a tab. */
export async function follow(file: string, protocol: 'tcp' | 'udp', index = 0): Promise<FollowedStream> {
  const output = await run('tshark', ['-r', file, '-q', '-z', `follow,${protocol},raw,${index}`]);
  const node0 = /^Node 0: (.*)$/m.exec(output)?.[1] ?? '';
  const node1 = /^Node 1: (.*)$/m.exec(output)?.[1] ?? '';
  const body = output.split('\n').filter((line) => /^\t?[0-9a-f]+$/.test(line));
  const first = body.filter((line) => !line.startsWith('\t')).join('');
  const second = body.filter((line) => line.startsWith('\t')).map((line) => line.slice(1)).join('');
  return { nodes: [node0, node1], sent: [Buffer.from(first, 'hex'), Buffer.from(second, 'hex')] };
}

export interface FollowedDigest {
  readonly nodes: readonly [string, string];
  /** How many bytes each node sent, and their sha256 (hex). */
  readonly bytes: readonly [number, number];
  readonly sha256: readonly [string, string];
}

/**
 * follow() for streams too big to hold: tshark's output (two hex characters per byte) is read line by
 * line and only counted and hashed. Bounded in time; tshark's stderr fails it as in run().
 */
export async function followDigest(file: string, protocol: 'tcp' | 'udp', index = 0, timeoutMs = 300_000): Promise<FollowedDigest> {
  const child = spawn('tshark', ['-r', file, '-q', '-z', `follow,${protocol},raw,${index}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const nodes: [string, string] = ['', ''];
  const bytes: [number, number] = [0, 0];
  const hashes = [createHash('sha256'), createHash('sha256')];
  try {
    for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      const node = /^Node ([01]): (.*)$/.exec(line);
      if (node !== null) {
        nodes[Number(node[1])] = node[2];
      } else if (/^\t?[0-9a-f]+$/.test(line)) {
        const second = line.startsWith('\t') ? 1 : 0;
        const data = Buffer.from(second === 1 ? line.slice(1) : line, 'hex');
        bytes[second] += data.byteLength;
        hashes[second].update(data);
      }
    }
  } finally {
    clearTimeout(timer);
  }
  const code = await exited;
  const problems = stderr.split('\n').filter((line) => line.trim() !== '' && !/Running as user "root"|This could be dangerous/.test(line));
  if (code !== 0 || problems.length > 0) {
    throw new Error(`tshark follow of ${file} failed (exit ${String(code)}):\n${problems.join('\n')}`);
  }
  return { nodes, bytes, sha256: [hashes[0].digest('hex'), hashes[1].digest('hex')] };
}

/**
 * Payloads are decoded as plain data on every port: the check is about the capture's own framing
 * (blocks, IP and TCP/UDP headers, checksums), and random test bytes that a heuristic takes for
 * Thrift or another protocol would otherwise come back as 'Malformed Packet'.
 */
const PAYLOAD_AS_DATA = ['-d', 'tcp.port==1-65535,data', '-d', 'udp.port==1-65535,data'];

/** Frames tshark finds malformed or with an error-level expert note (should be none). */
export async function problemFrames(file: string): Promise<string[]> {
  const output = await run('tshark', ['-r', file, ...PAYLOAD_AS_DATA, '-Y', '_ws.malformed || _ws.expert.severity >= "Error"', '-T', 'fields', '-e', 'frame.number', '-e', '_ws.expert.message']);
  return output.split('\n').filter((line) => line.trim() !== '');
}

/** One field per frame, as tshark prints it. */
export async function fields(file: string, ...names: string[]): Promise<string[][]> {
  const output = await run('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=|', ...names.flatMap((name) => ['-e', name])]);
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/** capinfos' packet count. */
export async function packetCount(file: string): Promise<number> {
  const output = await run('capinfos', ['-M', '-c', file]);
  const match = /Number of packets:\s+(\d+)/.exec(output);
  if (match === null) {
    throw new Error(`capinfos printed no packet count:\n${output}`);
  }
  return Number(match[1]);
}

/** capinfos' whole report (comments included). */
export function capinfos(file: string): Promise<string> {
  return run('capinfos', [file]);
}
