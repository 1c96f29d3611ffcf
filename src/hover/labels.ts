// The hover's own words (headings, group names, the link title), in one place for every language.
// Pure: the caller passes the translator. The extension passes vscode.l10n, so each key below is a
// string literal in an l10n.t call that the l10n tooling and test/l10n find; the Turkish text lives
// only in l10n/bundle.l10n.tr.json, and plain Node tests read it from there.
import type { ConstantGroup, DescriptionLanguage } from './types';

export interface HoverLabels {
  readonly whenToUse: string;
  readonly pitfall: string;
  readonly values: string;
  readonly usedWith: string;
  readonly example: string;
  readonly related: string;
  readonly manPage: string;
  /** Title of the command link for Python's '' / '<broadcast>' hosts. */
  readonly openClient: string;
  /** Explains the markers in the values table: — (not defined), ? (not recorded), (?) (unverified). */
  readonly valueLegend: string;
  readonly groups: Readonly<Record<ConstantGroup, string>>;
}

/** The part of vscode.l10n the labels need. */
export interface Translator {
  t(message: string): string;
}

export function hoverLabels(l10n: Translator): HoverLabels {
  return {
    whenToUse: l10n.t('When to use'),
    pitfall: l10n.t('Pitfall'),
    values: l10n.t('Values'),
    usedWith: l10n.t('Used with'),
    example: l10n.t('Example'),
    related: l10n.t('Related'),
    manPage: l10n.t('Man page'),
    openClient: l10n.t('Open a client to this port in Socket Workbench'),
    valueLegend: l10n.t('— not defined · ? defined, value not recorded · (?) from memory of the headers, not verified'),
    groups: {
      'family': l10n.t('address family'),
      'protocol-family': l10n.t('protocol family'),
      'type': l10n.t('socket type'),
      'level': l10n.t('option level'),
      'protocol': l10n.t('protocol number'),
      'socket-option': l10n.t('socket option'),
      'ip-option': l10n.t('IPv4 option'),
      'ipv6-option': l10n.t('IPv6 option'),
      'tcp-option': l10n.t('TCP option'),
      'option-value': l10n.t('option value'),
      'message-flag': l10n.t('message flag'),
      'shutdown': l10n.t('shutdown() mode'),
      'ancillary': l10n.t('control message type'),
      'address': l10n.t('address'),
      'addrinfo-flag': l10n.t('getaddrinfo() flag'),
      'nameinfo-flag': l10n.t('getnameinfo() flag'),
      'addrinfo-error': l10n.t('getaddrinfo() error'),
      'errno': l10n.t('errno value'),
      'limit': l10n.t('limit'),
      'go-network': l10n.t('Go network'),
    },
  };
}

/** The English labels, as the source strings themselves. */
export const ENGLISH_LABELS: HoverLabels = hoverLabels({ t: (message) => message });

/** Turkish descriptions for a Turkish display language ('tr', 'tr-TR'…), English for every other. */
export function descriptionLanguage(displayLanguage: string): DescriptionLanguage {
  const language = displayLanguage.toLowerCase();
  return language === 'tr' || language.startsWith('tr-') ? 'tr' : 'en';
}
