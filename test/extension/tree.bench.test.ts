/**
 * The Sockets view benchmark's extension-host half. It only exists when the benchmark starts the
 * extension tests with SOCKET_WORKBENCH_BENCH=tree (test/bench/tree.mjs); normal runs skip it.
 * Figures are printed as `BENCH name: value unit`, notes as `BENCH # text`.
 *
 * - tree-lag-p99-ms: this extension host's event-loop delay (p99) while 1 GiB streams from a
 *   separate process into a server's connection whose row is on screen (view visible, server
 *   expanded); the same stream with the view hidden is the baseline.
 * - tree-expand-10k-ms: getChildren + getTreeItem for the first page of a server with 10,000 live
 *   connections (the clients live in a separate process: each side needs 10,000 descriptors), and
 *   tree-expand-10k-all-pages-ms: "Show more" until all 10,000 are listed, each page re-listed
 *   the way VS Code re-lists an expanded row after a refresh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import type { SocketsTreeNode } from '../../src/tree';
import { activatedApi, portOf, removeAllSockets, rootNode, waitFor } from './treeHelpers';

const STREAM_BYTES = Number(process.env.SOCKET_WORKBENCH_BENCH_BYTES ?? 1024 ** 3);
const CONNECTIONS = Number(process.env.SOCKET_WORKBENCH_BENCH_CONNECTIONS ?? 10_000);
const ROUNDS = Number(process.env.SOCKET_WORKBENCH_BENCH_ROUNDS ?? 3);

/** Writes `total` bytes to 127.0.0.1:port in 1 MiB chunks with backpressure, then prints DONE. */
const SENDER = `
const net = require('node:net');
const [port, total] = process.argv.slice(1).map(Number);
const chunk = Buffer.alloc(1024 * 1024, 0x61);
const socket = net.connect({ port, host: '127.0.0.1' }, () => {
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      if (!socket.write(size === chunk.length ? chunk : chunk.subarray(0, size))) { socket.once('drain', pump); return; }
    }
    console.log('DONE ' + sent);
  };
  pump();
});
socket.on('error', (error) => { console.error(error.message); process.exit(1); });
process.stdin.on('end', () => socket.destroy());
process.stdin.resume();
`;

/** Opens `count` connections to 127.0.0.1:port, 64 at a time, prints CONNECTED n and holds them until stdin closes. */
const HOLDER = `
const net = require('node:net');
const [port, count] = process.argv.slice(1).map(Number);
const held = [];
let started = 0;
const one = () => new Promise((resolve, reject) => {
  const socket = net.connect({ port, host: '127.0.0.1' }, () => { socket.off('error', reject); socket.on('error', () => {}); held.push(socket); resolve(); });
  socket.once('error', reject);
});
const worker = async () => { while (started < count) { started++; await one(); } };
Promise.all(Array.from({ length: 64 }, worker)).then(
  () => console.log('CONNECTED ' + held.length),
  (error) => { console.error(error.message + ' after ' + held.length); process.exit(1); });
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

function say(line: string): void {
  console.log(`BENCH ${line}`);
}

function startNode(script: string, args: (string | number)[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-e', script, ...args.map(String)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => (text += chunk));
  child.stderr?.on('data', (chunk: string) => (text += chunk));
  return { child, output: () => text };
}

interface StreamFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly seconds: number;
  readonly refreshes: number;
  /** Time spent in the provider (rows built, children listed) while the stream ran. */
  readonly treeMs: number;
}

/** Measures the time VS Code's calls into the provider take, by wrapping the live provider's methods. */
function timeProvider(api: ActivatedApi): { elapsed: () => number; restore: () => void } {
  const provider = api.testing.view.provider;
  const getTreeItem = provider.getTreeItem;
  const getChildren = provider.getChildren;
  let total = 0;
  provider.getTreeItem = function (this: typeof provider, ...args: Parameters<typeof getTreeItem>) {
    const started = performance.now();
    try {
      return getTreeItem.apply(this, args);
    } finally {
      total += performance.now() - started;
    }
  };
  provider.getChildren = function (this: typeof provider, ...args: Parameters<typeof getChildren>) {
    const started = performance.now();
    try {
      return getChildren.apply(this, args);
    } finally {
      total += performance.now() - started;
    }
  };
  return {
    elapsed: () => total,
    restore: () => {
      provider.getTreeItem = getTreeItem;
      provider.getChildren = getChildren;
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Streams STREAM_BYTES into a fresh connection of `serverId`, sampling the event-loop delay. */
async function streamThrough(api: ActivatedApi, serverId: string, onConnection: (node: SocketsTreeNode) => Promise<void>): Promise<StreamFigures> {
  let connectionId: string | undefined;
  const created = api.onDidCreate((info) => {
    if (info.parentId === serverId) {
      connectionId = info.id;
    }
  });
  const sender = startNode(SENDER, [portOf(api, serverId), STREAM_BYTES]);
  try {
    const id = await waitFor(() => connectionId, 'the sender to connect');
    created.dispose();
    await api.testing.view.provider.flush();
    const connection = await waitFor(() => api.testing.view.node(id), 'the connection node');
    await onConnection(connection);
    let refreshes = 0;
    const subscription = api.testing.view.provider.onDidChangeTreeData(() => refreshes++);
    const timing = timeProvider(api);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const started = performance.now();
    histogram.enable();
    try {
      await waitFor(() => api.get(connection.socketId)?.stats.bytesIn === STREAM_BYTES, `${STREAM_BYTES} bytes`, 150_000);
    } finally {
      histogram.disable();
      subscription.dispose();
      timing.restore();
    }
    return {
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
      seconds: (performance.now() - started) / 1000,
      refreshes,
      treeMs: timing.elapsed(),
    };
  } finally {
    created.dispose();
    sender.child.stdin?.end();
    sender.child.kill();
  }
}

if (process.env.SOCKET_WORKBENCH_BENCH === 'tree') {
  describe('tree bench', function () {
    this.timeout(600_000);
    let api: ActivatedApi;

    before(async () => {
      api = await activatedApi();
      await removeAllSockets(api);
    });

    after(async () => {
      await removeAllSockets(api);
    });

    it('streams 1 GiB through a connection shown in the view', async () => {
      const server = await api.open('tcp-listen://127.0.0.1:0');
      await api.testing.view.provider.flush();
      const hideView = (): Thenable<unknown> => vscode.commands.executeCommand('workbench.view.explorer');
      const showView = async (connection: SocketsTreeNode): Promise<void> => {
        await vscode.commands.executeCommand('socketWorkbench.sockets.focus');
        await waitFor(() => api.testing.view.treeView.visible, 'the Sockets view to be visible');
        await api.testing.view.treeView.reveal(connection, { select: false, focus: false, expand: true });
      };
      // A first stream warms up the JIT; then rounds alternate a hidden view (the baseline) and a shown one.
      await hideView();
      await streamThrough(api, server.id, async () => undefined);
      const hidden: StreamFigures[] = [];
      const shown: StreamFigures[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await hideView();
        hidden.push(await streamThrough(api, server.id, async () => undefined));
        shown.push(await streamThrough(api, server.id, showView));
      }
      const mib = STREAM_BYTES / 1024 ** 2;
      const describe = (runs: StreamFigures[]): string => runs
        .map((run) => `${run.seconds.toFixed(1)} s, p50 ${run.p50.toFixed(1)}, p99 ${run.p99.toFixed(1)}, max ${run.max.toFixed(1)} ms, ${run.refreshes} refreshes, ${run.treeMs.toFixed(1)} ms in the provider`)
        .join('; ');
      say(`# ${mib} MiB per stream from a separate process into a server connection (engine transcript on, default limits)`);
      say(`# view hidden: ${describe(hidden)}`);
      say(`# view shown, server expanded, connection row on screen: ${describe(shown)}`);
      const seconds = shown.reduce((sum, run) => sum + run.seconds, 0);
      say(`tree-lag-p99-ms: ${median(shown.map((run) => run.p99)).toFixed(1)} ms`);
      say(`tree-lag-p99-hidden-ms: ${median(hidden.map((run) => run.p99)).toFixed(1)} ms`);
      say(`tree-refreshes-per-s: ${(shown.reduce((sum, run) => sum + run.refreshes, 0) / seconds).toFixed(1)} events/s`);
      say(`tree-provider-ms-per-s: ${(shown.reduce((sum, run) => sum + run.treeMs, 0) / seconds).toFixed(2)} ms/s`);
      say(`tree-stream-mb-per-s: ${(STREAM_BYTES * shown.length / 1e6 / seconds).toFixed(0)} MB/s`);
      await api.testing.services.engine.remove(server.id);
    });

    it('lists a server with 10,000 connections a page at a time', async () => {
      const server = await api.open('tcp-listen://127.0.0.1:0?backlog=511');
      await api.testing.view.provider.flush();
      const holder = startNode(HOLDER, [portOf(api, server.id), CONNECTIONS]);
      try {
        const acceptStarted = performance.now();
        await waitFor(() => api.get(server.id)?.connections === CONNECTIONS || /after \d+/.test(holder.output()) || undefined, `${CONNECTIONS} connections`, 120_000);
        if (api.get(server.id)?.connections !== CONNECTIONS) {
          throw new Error(`the client process failed: ${holder.output()}`);
        }
        say(`# ${CONNECTIONS} connections accepted in ${((performance.now() - acceptStarted) / 1000).toFixed(1)} s`);
        await api.testing.view.provider.flush();
        const { provider } = api.testing.view;
        const serverNode = rootNode(api, server.id);

        const pageStarted = performance.now();
        let page = provider.getChildren(serverNode) as SocketsTreeNode[];
        for (const node of page) {
          provider.getTreeItem(node);
        }
        const firstPage = performance.now() - pageStarted;
        say(`# first page: ${page.length} rows (the last one "Show more")`);

        const allStarted = performance.now();
        let rows = page.length;
        let pages = 1;
        for (let more = page.at(-1); more?.type === 'more'; more = page.at(-1)) {
          await vscode.commands.executeCommand('socketWorkbench.tree.showMore', more);
          page = provider.getChildren(serverNode) as SocketsTreeNode[];
          for (const node of page) {
            provider.getTreeItem(node);
          }
          rows += page.length;
          pages++;
        }
        const allPages = performance.now() - allStarted + firstPage;
        if (page.length !== CONNECTIONS) {
          throw new Error(`the last page lists ${page.length} rows, not ${CONNECTIONS}`);
        }
        say(`# all pages: ${pages} listings, ${rows} rows built in total`);
        say(`tree-expand-10k-ms: ${firstPage.toFixed(1)} ms`);
        say(`tree-expand-10k-all-pages-ms: ${allPages.toFixed(0)} ms`);
      } finally {
        holder.child.stdin?.end();
        holder.child.kill();
      }
      await api.testing.services.engine.remove(server.id);
    });
  });
}
