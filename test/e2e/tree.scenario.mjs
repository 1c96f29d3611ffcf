// The Sockets view in English: welcome view, a TCP server from the palette, a python3 client's
// connection with its byte counters, the tooltips, and a double-click that opens the panel.
import { runTreeScenario } from './treeSteps.mjs';

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 800 } };

export async function run(ui) {
  await runTreeScenario(ui, {
    viewTitle: 'Sockets',
    welcomeStart: 'No sockets yet.',
    newTcpServerCommand: 'Socket Workbench: New TCP Server…',
    tcpServer: 'TCP server',
    listening: 'listening',
    oneConnection: '1 connection',
    traffic: '↓1.2 KB ↑0 B',
    receivedRow: '1,234 bytes',
    connectionsRow: '1 connection',
  });
}
