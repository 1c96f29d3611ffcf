/**
 * Sentences for the engine's own run-time refusals (SOCKET_ERROR_REASONS). Errors the operating
 * system reports carry no reason; src/messages.ts words those by their errno code.
 */
import * as vscode from 'vscode';
import type { EngineErrorData, SocketErrorReason } from '../engine';
import { schemePrefix, text, where } from './data';
import { kindName, stateName } from './names';

export function socketSentence(reason: SocketErrorReason, data: EngineErrorData): string {
  switch (reason) {
    case 'engine-disposed':
      return vscode.l10n.t('The socket engine has shut down; reload the window to start it again.');
    case 'not-open':
      return vscode.l10n.t('The socket is {0}, not open.', stateName(text(data, 'state')));
    case 'write-after-close':
      return vscode.l10n.t('The socket is no longer open for writing.');
    case 'closed-while-waiting':
      return vscode.l10n.t('The socket closed while a send was waiting for room.');
    case 'socket-unknown':
      return vscode.l10n.t("There is no socket with id '{0}'.", text(data, 'id'));
    case 'connection-unknown':
      return vscode.l10n.t("There is no connection '{0}' on this server.", text(data, 'target'));
    case 'no-connection':
      return vscode.l10n.t('The server has no open connection to send to: wait for a client to connect.');
    case 'udp-no-peer':
      return vscode.l10n.t('The UDP socket has no default peer: give a target host:port.');
    case 'target-family':
      return vscode.l10n.t('{0} has no IPv{1} address; this socket is IPv{1}.', text(data, 'target'), text(data, 'family') || '4');
    case 'reopen-accepted':
      return vscode.l10n.t('An accepted connection cannot be reopened; the peer must connect again.');
    case 'reopen-not-closed':
      return vscode.l10n.t('The socket is {0}: close it before reopening.', stateName(text(data, 'state')));
    case 'multicast-needs-udp':
      return vscode.l10n.t('Multicast needs a UDP socket; this is a {0}.', kindName(text(data, 'kind')));
    case 'framing-not-stream':
      return vscode.l10n.t('Framing applies to stream sockets; this is a {0}, whose datagrams are already messages.', kindName(text(data, 'kind')));
    case 'frame-too-large':
      return vscode.l10n.t('A frame of {0} bytes is over the maximum of {1} bytes: the connection was reset, since where the next frame starts is unknown.', text(data, 'size'), text(data, 'max'));
    case 'prefix-needs-length':
      return vscode.l10n.t('Adding a length prefix needs a socket with framing=length; this one has framing={0}.', text(data, 'framing'));
    case 'prefix-too-long':
      return vscode.l10n.t('A payload of {0} bytes does not fit the length field: it takes at most {1} bytes.', text(data, 'length'), text(data, 'max'));
    case 'pause-not-stream':
      return vscode.l10n.t('Pausing applies to stream connections; this is a {0}.', kindName(text(data, 'kind')));
    case 'half-close-server':
      return vscode.l10n.t('Half-close applies to a connection, not to a listening server.');
    case 'half-close-udp':
      return vscode.l10n.t('Half-close applies to stream connections, not to UDP sockets.');
    case 'unix-dgram-unsupported':
      return vscode.l10n.t('UNIX datagram sockets cannot be created by Node.js; use unix:// for a stream socket or udp:// for datagrams.');
    case 'resolve-path-socket':
      return vscode.l10n.t('{0} sockets have a path, not a host to resolve.', schemePrefix(data));
    case 'connect-timeout-invalid':
      return vscode.l10n.t('The connect timeout must be a positive whole number of milliseconds, not {0}.', text(data, 'value'));
    case 'transcript-limit':
      return vscode.l10n.t('The transcript limit {0} must be a positive whole number, not {1}.', text(data, 'limit'), text(data, 'value'));
    case 'capture-over-budget':
      return vscode.l10n.t(
        'The transcript capture limit ({0} bytes) is larger than the whole transcript budget ({1} bytes): lower captureBytes or raise maxBytes.',
        text(data, 'value'),
        text(data, 'max'),
      );
    case 'unix-path-not-socket':
      return vscode.l10n.t('{0} already exists and is not a socket (EADDRINUSE).', where(data));
    case 'unix-path-in-use':
      return vscode.l10n.t('Another process is listening on {0} (EADDRINUSE).', where(data));
    case 'unix-stale':
      return vscode.l10n.t('{0} is a stale socket file: nobody listens on it. Remove it, or open the address with ?removeStale=1.', where(data));
    case 'host-not-found':
      return vscode.l10n.t("Host '{0}' was not found (ENOTFOUND).", text(data, 'host'));
    case 'host-no-family-address':
      return vscode.l10n.t("Host '{0}' has no IPv{1} address (ENOTFOUND).", text(data, 'host'), text(data, 'family'));
    case 'resolved-nothing':
      return vscode.l10n.t("Host '{0}' resolved to no address (ENOTFOUND).", text(data, 'host'));
    case 'lookup-timeout':
      return vscode.l10n.t("Looking up host '{0}' took longer than {1} ms (ETIMEDOUT).", text(data, 'host'), text(data, 'timeout'));
    case 'connect-timeout':
      return vscode.l10n.t('Connecting to {0} timed out after {1} ms (ETIMEDOUT).', where(data), text(data, 'timeout'));
    case 'connect-cancelled':
      return vscode.l10n.t('The connect was cancelled.');
    case 'recording-format':
      return vscode.l10n.t("Unknown recording format '{0}': use pcapng or jsonl.", text(data, 'format'));
    case 'recording-active':
      return vscode.l10n.t('The socket is already recording to {0}: stop that recording first.', text(data, 'path'));
    case 'recording-none':
      return vscode.l10n.t('The socket is not recording.');
    case 'all-interfaces-declined':
      return vscode.l10n.t('{0} was not opened: binding {1} (all interfaces) was not confirmed.', text(data, 'spec'), text(data, 'address'));
    case 'starttls-not-tcp-client':
      return vscode.l10n.t('STARTTLS upgrades a tcp:// client; this is a {0}.', kindName(text(data, 'kind')));
    case 'starttls-already-tls':
      return vscode.l10n.t('The socket already speaks TLS.');
    case 'unix-abstract-padded':
      return vscode.l10n.t(
        'Abstract UNIX socket names (@name) need Node.js 22 or later: this extension host runs Node.js {0} (libuv {1}), which pads the name with NUL bytes, so socat, Python and other programs could not reach it. Use a path such as /tmp/a.sock, or VS Code 1.101 or later.',
        text(data, 'runtime'),
        text(data, 'libuv'),
      );
  }
}
