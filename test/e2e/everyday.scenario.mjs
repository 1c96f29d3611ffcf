// The everyday flow in English: Listen on Port → python sends → Reply from the row → python receives.
import { everydayFlow } from './everydaySteps.mjs';

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 860 } };

export async function run(ui) {
  await everydayFlow(ui, {
    view: 'Sockets',
    listen: 'Socket Workbench: Listen on Port…',
    events: 'Events',
    reply: 'Reply',
    sent: 'Sent 7 bytes to {peer}.',
  }, 'en');
}
