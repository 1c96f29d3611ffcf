/**
 * The panel's Framing field, host side, driven with the webview's own message: setFraming applies
 * from the next byte (rows are then whole messages), the header shows the framing and the pending
 * bytes, and a bad text or a UDP socket gets the engine's sentence as a notice.
 */
import * as assert from 'node:assert/strict';
import type { ActivatedApi } from '../../src/extension';
import { activateApi, cleanUp, connectedPair, openReadyPanel, waitForMessage } from './panelHelpers';

describe('payload panel framing', function () {
  this.timeout(30_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await cleanUp(api);
  });

  it('setFraming makes rows whole lines from the next byte; the header shows the framing and the pending bytes', async () => {
    const { client, connection } = await connectedPair(api);
    const engine = api.testing.services.engine;
    const panel = await openReadyPanel(api, connection.id);
    const first = await waitForMessage(panel, 'init', () => true, 0);
    assert.equal(first.socket.framing, 'framing=raw');

    let mark = panel.recorded.sent.length;
    assert.equal(await panel.receive({ type: 'setFraming', text: 'framing=line' }), true);
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'Framing is now framing=line, from the next byte received.');
    await api.send(client.id, 'one\ntwo\nthr');
    const header = await waitForMessage(panel, 'socket', (message) => message.socket.description.endsWith('3 bytes pending'), mark);
    assert.equal(header.socket.framing, 'framing=line');
    const lines = engine.transcript(connection.id).entries().filter((entry) => entry.kind === 'data').map((entry) => Buffer.from(entry.data ?? new Uint8Array()).toString('latin1'));
    assert.deepEqual(lines, ['one\n', 'two\n']);

    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setFraming', text: 'framing=length' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'Option framing=length needs length=…: add it.');
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setFraming', text: 'noDelay=1' });
    assert.equal(
      (await waitForMessage(panel, 'notice', () => true, mark)).text,
      "'noDelay' is not a framing option: they are framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix.",
    );
  });

  it('a UDP socket shows no Framing field and refuses one with the datagram sentence', async () => {
    const udp = await api.open('udp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, udp.id);
    const init = await waitForMessage(panel, 'init', () => true, 0);
    assert.equal(init.socket.framing, undefined);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setFraming', text: 'framing=line' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, "Option 'framing' does not apply to udp-listen://: datagrams are already messages, one per read, so they need no framing.");
  });
});
