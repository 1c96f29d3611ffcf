// The everyday flow in Turkish: Portta Dinle → python gönderir → satırdan Yanıtla → python alır.
import { everydayFlow } from './everydaySteps.mjs';

export const options = { locale: 'tr', theme: 'Dark Modern', viewport: { width: 1280, height: 860 } };

export async function run(ui) {
  await everydayFlow(ui, {
    view: 'Soketler',
    listen: 'Socket Workbench: Portta Dinle…',
    events: 'Olaylar',
    reply: 'Yanıtla',
    sent: '7 bayt, {peer} adresine gönderildi.',
  }, 'tr');
}
