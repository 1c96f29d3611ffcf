/**
 * Sentences for errors in the address itself (syntax, scheme, host, port, UNIX path), one per
 * reason the engine gives (ADDRESS_ERROR_REASONS), built from the error's data alone.
 */
import * as vscode from 'vscode';
import { type AddressErrorReason, type EngineErrorData, SPEC_SCHEMES } from '../engine';
import { schemePrefix, text } from './data';

export function addressSentence(reason: AddressErrorReason, data: EngineErrorData): string {
  switch (reason) {
    case 'spec-empty':
    case 'scheme-missing':
    case 'scheme-separator-missing':
    case 'hash-sign':
    case 'path-after-port':
    case 'text-after-bracket':
    case 'scheme-unknown':
      return syntaxSentence(reason, data);
    case 'port-missing':
    case 'port-required':
    case 'port-empty':
    case 'port-sign':
    case 'port-invalid':
    case 'port-range':
    case 'service-unknown':
    case 'port-zero-client':
    case 'target-port-missing':
    case 'target-port-zero':
      return portSentence(reason, data);
    case 'path-missing':
    case 'path-nul':
    case 'path-relative':
    case 'path-escape':
    case 'path-abstract-linux':
    case 'path-abstract-empty':
    case 'path-on-ip-socket':
    case 'path-too-long':
    case 'path-abstract-too-long':
      return pathSentence(reason, data);
    default:
      return hostSentence(reason, data);
  }
}

type SyntaxReason = 'spec-empty' | 'scheme-missing' | 'scheme-separator-missing' | 'hash-sign' | 'path-after-port' | 'text-after-bracket' | 'scheme-unknown';

function syntaxSentence(reason: SyntaxReason, data: EngineErrorData): string {
  switch (reason) {
    case 'spec-empty':
      return vscode.l10n.t('The address is empty: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080.');
    case 'scheme-missing':
      return vscode.l10n.t("'{0}' has no scheme: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080.", text(data, 'spec'));
    case 'scheme-separator-missing':
      return vscode.l10n.t("'{0}' needs '://' after the scheme: write {1}.", text(data, 'spec'), text(data, 'suggestion'));
    case 'hash-sign':
      return vscode.l10n.t("Unexpected '#' in '{0}': write it as %23.", text(data, 'text'));
    case 'path-after-port':
      return data.unixSpec === undefined
        ? vscode.l10n.t("Unexpected '{0}' after the port: {1} addresses have no path.", text(data, 'text'), schemePrefix(data))
        : vscode.l10n.t("Unexpected '{0}' after the port: {1} addresses have no path. For a UNIX socket write {2}.", text(data, 'text'), schemePrefix(data), text(data, 'unixSpec'));
    case 'text-after-bracket':
      return vscode.l10n.t("Unexpected '{0}' after ']': put a colon before the port, e.g. [::1]:80.", text(data, 'text'));
    case 'scheme-unknown':
      return vscode.l10n.t("Unknown scheme '{0}': use {1}; tcp4, tcp6, udp4 and udp6 choose the IP family.", text(data, 'scheme'), SPEC_SCHEMES.join(', '));
  }
}

type HostReason = Exclude<AddressErrorReason, SyntaxReason | PortReason | PathReason>;

function hostSentence(reason: HostReason, data: EngineErrorData): string {
  const host = text(data, 'host');
  switch (reason) {
    case 'host-ambiguous-ipv6':
      return vscode.l10n.t("'{0}' is ambiguous: put an IPv6 address in brackets, e.g. [::1]:80.", host);
    case 'host-bracket-unclosed':
      return vscode.l10n.t("Host '{0}' is missing its closing ']': write an IPv6 address as [::1].", host);
    case 'host-brackets-empty':
      return vscode.l10n.t("Host '{0}' has nothing between the brackets: write an IPv6 address inside, e.g. [::1].", host);
    case 'host-brackets-not-ipv6':
      return vscode.l10n.t("Host '{0}' is in brackets, but brackets are only for IPv6 addresses: remove them.", host);
    case 'host-ipv6-invalid':
      return vscode.l10n.t("Host '{0}' is not a valid IPv6 address: write one like ::1 or fe80::1%eth0.", host);
    case 'host-zone-empty':
      return vscode.l10n.t("Host '{0}' has an empty zone after '%': name the interface, e.g. fe80::1%eth0.", host);
    case 'host-zone-invalid':
      return vscode.l10n.t("Host '{0}' has an invalid zone '{1}': use an interface name or number.", host, text(data, 'zone'));
    case 'host-ipv4-invalid':
      return vscode.l10n.t("Host '{0}' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1.", host);
    case 'host-integer-leading-zero':
      return vscode.l10n.t("Host '{0}' starts with 0: write the integer without leading zeros, or a dotted quad.", host);
    case 'host-integer-range':
      return vscode.l10n.t("Host '{0}' is out of range: an integer host is 0–{1}.", host, text(data, 'max'));
    case 'host-idn-invalid':
      return vscode.l10n.t("Host '{0}' is not a valid internationalized host name.", host);
    case 'host-name-too-long':
      return vscode.l10n.t("Host '{0}' is {1} characters long; host names have at most {2}.", host, text(data, 'length'), text(data, 'max'));
    case 'host-label-empty':
      return vscode.l10n.t("Host '{0}' has an empty label (two dots in a row, or a leading dot).", host);
    case 'host-label-too-long':
      return vscode.l10n.t("Host '{0}' has a label of {1} characters; labels have at most {2}.", host, text(data, 'length'), text(data, 'max'));
    case 'host-character':
      return vscode.l10n.t("Host '{0}' has the character '{1}', which host names cannot contain.", host, text(data, 'character'));
    case 'host-label-hyphen':
      return vscode.l10n.t("Host '{0}' has the label '{1}', which starts or ends with '-'.", host, text(data, 'label'));
    case 'host-numeric-name':
      return vscode.l10n.t("Host '{0}' looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433.", host);
    case 'host-family':
      return vscode.l10n.t("Host '{0}' is an IPv{1} address, but IPv{2} was asked for (family {2}).", host, text(data, 'hostFamily'), text(data, 'family'));
    case 'host-on-path-socket':
      return vscode.l10n.t('{0} sockets have a path, not a host and port: write {0}/tmp/a.sock.', schemePrefix(data));
    case 'broadcast-needs-udp':
      return vscode.l10n.t("'<broadcast>' needs UDP: TCP cannot broadcast.");
  }
}

type PortReason =
  | 'port-missing'
  | 'port-required'
  | 'port-empty'
  | 'port-sign'
  | 'port-invalid'
  | 'port-range'
  | 'service-unknown'
  | 'port-zero-client'
  | 'target-port-missing'
  | 'target-port-zero';

function portSentence(reason: PortReason, data: EngineErrorData): string {
  const port = text(data, 'port');
  switch (reason) {
    case 'port-missing': {
      // Nothing between '://' and the end: name the scheme, as the engine does.
      const typed = text(data, 'text');
      return vscode.l10n.t("'{0}' has no port: write HOST:PORT, e.g. localhost:8080.", typed === '' ? schemePrefix(data) : typed);
    }
    case 'port-required':
      return vscode.l10n.t('{0} needs a port: write HOST:PORT, e.g. localhost:8080.', schemePrefix(data));
    case 'port-empty':
      return vscode.l10n.t('The port is missing: write a number 0–{0} or a service name like http.', text(data, 'max'));
    case 'port-sign':
      return vscode.l10n.t("Port '{0}' has a sign: write the number alone.", port);
    case 'port-invalid':
      return vscode.l10n.t("Port '{0}' is neither a number 0–{1} nor a service name.", port, text(data, 'max'));
    case 'port-range':
      return vscode.l10n.t('Port {0} is out of range 0–65535.', port);
    case 'service-unknown':
      return vscode.l10n.t("No {0} service is named '{1}' in the services database.", text(data, 'protocol').toUpperCase(), text(data, 'service'));
    case 'port-zero-client':
      return vscode.l10n.t("Port 0 means any free port, which only a listener can use: give the server's port.");
    case 'target-port-missing':
      return vscode.l10n.t("'{0}' has no port: write HOST:PORT, e.g. 127.0.0.1:9.", text(data, 'target'));
    case 'target-port-zero':
      return vscode.l10n.t("Port {0} cannot be a destination: port 0 only means 'any free port' when binding. Give the peer's port.", port);
  }
}

type PathReason =
  | 'path-missing'
  | 'path-nul'
  | 'path-relative'
  | 'path-escape'
  | 'path-abstract-linux'
  | 'path-abstract-empty'
  | 'path-on-ip-socket'
  | 'path-too-long'
  | 'path-abstract-too-long';

function pathSentence(reason: PathReason, data: EngineErrorData): string {
  // A NUL would end the sentence early in some views: show it as its escape.
  const path = text(data, 'path').replace(/\0/g, '%00');
  switch (reason) {
    case 'path-missing':
      return vscode.l10n.t('The UNIX socket path is missing: write unix:///tmp/a.sock, or unix://@name for an abstract socket.');
    case 'path-nul':
      return vscode.l10n.t("UNIX socket path '{0}' contains a NUL byte (%00): remove it.", path);
    case 'path-relative':
      return vscode.l10n.t("UNIX socket path '{0}' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket.", path);
    case 'path-escape':
      return vscode.l10n.t("UNIX socket path '{0}' has a percent escape that is not UTF-8.", path);
    case 'path-abstract-linux':
      return vscode.l10n.t("Abstract socket name '{0}' needs Linux: use a path like /tmp/a.sock.", path);
    case 'path-abstract-empty':
      return vscode.l10n.t("Abstract socket name '@' is empty: write @name.");
    case 'path-on-ip-socket':
      return vscode.l10n.t('{0} sockets have a host and port, not a path: write {0}HOST:PORT.', schemePrefix(data));
    case 'path-too-long':
      return vscode.l10n.t("UNIX socket path '{0}' is {1} bytes long; at most {2} bytes fit in sun_path: use a shorter path.", path, text(data, 'bytes'), text(data, 'max'));
    case 'path-abstract-too-long':
      return vscode.l10n.t("Abstract socket name '{0}' is {1} bytes long; at most {2} bytes fit: use a shorter name.", path, text(data, 'bytes'), text(data, 'max'));
  }
}
