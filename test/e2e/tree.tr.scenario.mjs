// The Sockets view in Turkish: the same walk as tree.scenario.mjs, with Turkish labels, states,
// number formatting (1,2 KB; 1.234 bayt) and tooltips.
import { runTreeScenario } from './treeSteps.mjs';

export const options = { locale: 'tr', theme: 'Light Modern', viewport: { width: 1280, height: 800 } };

export async function run(ui) {
  await runTreeScenario(ui, {
    viewTitle: 'Soketler',
    welcomeStart: 'Henüz soket yok.',
    newTcpServerCommand: 'Socket Workbench: Yeni TCP Sunucusu…',
    tcpServer: 'TCP sunucusu',
    listening: 'dinliyor',
    oneConnection: '1 bağlantı',
    traffic: '↓1,2 KB ↑0 B',
    receivedRow: '1.234 bayt',
    connectionsRow: '1 bağlantı',
  });
}
