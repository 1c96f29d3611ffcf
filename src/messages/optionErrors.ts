/**
 * Sentences for refused query options (`?noDelay=1`), one per reason the engine gives
 * (OPTION_ERROR_REASONS): the option by name, the bad value, and what it takes instead.
 */
import * as vscode from 'vscode';
import { type EngineErrorData, type OptionErrorReason, SPEC_OPTION_NAMES } from '../engine';
import { schemePrefix, text } from './data';

export function optionSentence(reason: OptionErrorReason, data: EngineErrorData): string {
  const option = text(data, 'option');
  const value = text(data, 'value');
  switch (reason) {
    case 'option-unknown':
      return vscode.l10n.t("Unknown option '{0}': the options are {1}.", option, SPEC_OPTION_NAMES.join(', '));
    case 'option-not-applicable': {
      const schemes = text(data, 'schemes')
        .split(',')
        .filter((scheme) => scheme !== '')
        .map((scheme) => `${scheme}://`)
        .join(', ');
      return vscode.l10n.t("Option '{0}' does not apply to {1}; it applies to {2}.", option, schemePrefix(data), schemes);
    }
    case 'option-boolean':
      return vscode.l10n.t("Option '{0}' must be 1/0, true/false, yes/no or on/off, not '{1}'.", option, value);
    case 'option-boolean-type':
      return vscode.l10n.t("Option '{0}' must be true or false, not '{1}'.", option, value);
    case 'option-integer':
      return data.unit === 'milliseconds'
        ? vscode.l10n.t("Option '{0}' must be a whole number of milliseconds {1}–{2}, not '{3}'.", option, text(data, 'min'), text(data, 'max'), value)
        : vscode.l10n.t("Option '{0}' must be a whole number {1}–{2}, not '{3}'.", option, text(data, 'min'), text(data, 'max'), value);
    case 'option-family':
      return vscode.l10n.t("Option '{0}' must be 4 or 6, not '{1}'.", option, value);
    case 'option-interface':
      return vscode.l10n.t("Option '{0}' must be the IP address of a local interface, like 192.168.1.2 or ::%eth0, not '{1}'.", option, value);
    case 'option-escape':
      return vscode.l10n.t("Option '{0}' has a percent escape that is not UTF-8: '{1}'.", option, value);
    case 'option-repeated':
      return vscode.l10n.t("Option '{0}' is given twice: keep one.", option);
    case 'multicast-group-missing':
      return vscode.l10n.t("Option '{0}' needs a group address, like multicast=239.1.2.3.", option);
    case 'multicast-group-empty':
      return vscode.l10n.t("Option '{0}' has an empty group address: separate groups with single commas.", option);
    case 'multicast-group-invalid':
      return vscode.l10n.t("Option '{0}' has '{1}', which is not a multicast address (224.0.0.0/4 or ff00::/8).", option, value);
    case 'multicast-group-repeated':
      return vscode.l10n.t("Option '{0}' lists the group '{1}' twice.", option, value);
    case 'option-family-mismatch':
      // An IPv6 group on an IPv4 socket usually means the scheme or host should have been IPv6.
      return data.addressFamily === 6 && data.family === 4
        ? vscode.l10n.t("Option '{0}' has '{1}', which is IPv6, but the socket is IPv4: write udp6-listen:// or bind an IPv6 host.", option, value)
        : vscode.l10n.t("Option '{0}' has '{1}', which is IPv{2}, but the socket is IPv{3}.", option, value, text(data, 'addressFamily'), text(data, 'family'));
    case 'option-family-conflict':
      return vscode.l10n.t(
        "Option '{0}' has '{1}', which is IPv{2}, but '{3}' is IPv{4}: one socket uses one family.",
        option,
        value,
        text(data, 'addressFamily'),
        text(data, 'other'),
        text(data, 'family'),
      );
    case 'family-scheme-conflict':
      return vscode.l10n.t("Option '{0}' is {1}, but the scheme {2} asks for {3}: remove the option or change the scheme.", option, value, text(data, 'scheme'), text(data, 'family'));
    case 'ipv6only-needs-ipv6':
      return vscode.l10n.t("Option '{0}' needs IPv6, but the address asks for IPv4 (family 4).", option);
    case 'ipv6only-ipv4-host':
      return vscode.l10n.t("Option '{0}' needs an IPv6 host, but '{1}' is IPv4.", option, text(data, 'host'));
    case 'broadcast-off':
      return vscode.l10n.t("Option '{0}' is off, but the host '{1}' turns it on: remove {0}=0.", option, text(data, 'host'));
    case 'keepalive-delay-needs-keepalive':
      return vscode.l10n.t("Option '{0}' needs keepAlive=1: add it, or remove {0}.", option);
    case 'option-text-empty':
      return vscode.l10n.t("Option '{0}' needs a value, like {0}=VALUE.", option);
    case 'option-servername-ip':
      return vscode.l10n.t("Option '{0}' must be a host name: SNI cannot carry the IP address '{1}'. Leave it out to connect by address.", option, value);
    case 'option-alpn':
      return vscode.l10n.t("Option '{0}' has '{1}': give protocol names of 1 to 255 bytes separated by commas, like alpn=h2,http/1.1.", option, value);
    case 'option-tls-version':
      return vscode.l10n.t("Option '{0}' must be one of {1}, not '{2}'.", option, text(data, 'versions').split(',').join(', '), value);
    case 'option-tls-version-order':
      return vscode.l10n.t("Option '{0}' is {1}, above maxVersion {2}: no TLS version would be left.", option, value, text(data, 'max'));
    case 'option-cert-key-pair':
      return vscode.l10n.t("Option '{0}' needs {1}= too: a certificate and its private key go together.", option, text(data, 'missing'));
    case 'option-choice':
      return vscode.l10n.t("Option '{0}' must be one of {1}, not '{2}'.", option, text(data, 'choices').split(',').join(', '), value);
    case 'option-hex':
      return vscode.l10n.t("Option '{0}' must be 1–{1} bytes written as hex digits, like 0d0a, not '{2}'.", option, text(data, 'max'), value);
    case 'framing-datagram':
      return vscode.l10n.t("Option '{0}' does not apply to {1}: datagrams are already messages, one per read, so they need no framing.", option, schemePrefix(data));
    case 'framing-option-needs-mode':
      return vscode.l10n.t("Option '{0}' belongs to framing={1}, but the framing is {2}: add framing={1} or remove {0}.", option, text(data, 'mode'), text(data, 'framing'));
    case 'option-not-framing':
      return vscode.l10n.t("'{0}' is not a framing option: they are {1}.", option, text(data, 'options').split(',').join(', '));
    case 'framing-mode-needs-option':
      return vscode.l10n.t("Option framing={0} needs {1}=…: add it.", value, text(data, 'needs'));
  }
}
