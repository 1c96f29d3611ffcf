/**
 * The framing options of a spec (or of setFraming) as one rule: which options belong to which mode,
 * what each mode needs, and the Framer they make. spec.ts and the engine's setFraming both ask here.
 */
import { Framer, type Framing } from './framing';
import { EngineError, withReason } from './shared/errors';
import { checkOptionValues, optionError, parseQuery } from './specOptions';
import type { FramingMode, FramingOptions, SpecOptions, Transport } from './shared/types';

/** The options that only make sense with one framing mode. */
const MODE_OF_OPTION: ReadonlyArray<readonly [keyof FramingOptions, FramingMode]> = [
  ['delimiter', 'delimiter'],
  ['length', 'length'],
  ['lengthOffset', 'length'],
  ['lengthAdjust', 'length'],
  ['lengthIncludesHeader', 'length'],
  ['size', 'fixed'],
  ['prefix', 'length'],
];

/** What each mode cannot go without. */
const NEEDED: Partial<Record<FramingMode, keyof FramingOptions>> = { delimiter: 'delimiter', length: 'length', fixed: 'size' };

export const FRAMING_OPTION_NAMES: readonly (keyof FramingOptions)[] = ['framing', ...MODE_OF_OPTION.map(([name]) => name)];

/**
 * Checks that the framing options fit together and fit the transport. UDP (and UNIX datagrams) are
 * message-based already: any framing option there is refused with its own reason.
 */
export function checkFraming(options: SpecOptions, transport: Transport, scheme: string): void {
  const given = FRAMING_OPTION_NAMES.filter((name) => options[name] !== undefined);
  if (given.length === 0) {
    return;
  }
  if (transport === 'udp' || transport === 'unix-dgram') {
    throw optionError(given[0], 'framing-datagram', `does not apply to ${scheme}: datagrams are messages already, one per read`, undefined, { scheme: scheme.replace(/:\/\/$/, '') });
  }
  const mode = options.framing ?? 'raw';
  for (const [name, owner] of MODE_OF_OPTION) {
    if (options[name] !== undefined && owner !== mode) {
      throw optionError(name, 'framing-option-needs-mode', `belongs to framing=${owner}, not to framing=${mode}`, undefined, { mode: owner, framing: mode });
    }
  }
  const needed = NEEDED[mode];
  if (needed !== undefined && options[needed] === undefined) {
    throw optionError('framing', 'framing-mode-needs-option', `is ${mode}, which needs ${needed}=…`, mode, { needs: needed });
  }
}

/** Only the framing fields of a spec's options; undefined when the stream is raw. */
export function framingOptionsOf(options: SpecOptions): FramingOptions | undefined {
  if (options.framing === undefined || options.framing === 'raw') {
    return undefined;
  }
  const result: Record<string, unknown> = {};
  for (const name of FRAMING_OPTION_NAMES) {
    if (options[name] !== undefined) {
      result[name] = options[name];
    }
  }
  return result as FramingOptions;
}

/** Checks framing options from outside a spec (the panel, the API); throws SPEC_OPTION like a spec would. */
export function validateFramingOptions(options: FramingOptions, transport: Transport, scheme: string): FramingOptions | undefined {
  const known = new Set<string>(FRAMING_OPTION_NAMES);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new EngineError('SPEC_OPTION', `'${name}' is not a framing option: they are ${FRAMING_OPTION_NAMES.join(', ')}`, withReason('option-not-framing', { option: name, options: FRAMING_OPTION_NAMES.join(',') }));
    }
  }
  const cleaned: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) {
      cleaned[name] = value;
    }
  }
  checkOptionValues(cleaned as SpecOptions);
  checkFraming(cleaned as SpecOptions, transport, scheme);
  return framingOptionsOf(cleaned as SpecOptions);
}

/** Reads framing options written as a spec query (`framing=length&length=u16be`); other options are refused. */
export function parseFramingText(text: string): FramingOptions {
  const options = parseQuery(text.trim().replace(/^\?/, ''));
  const known = new Set<string>(FRAMING_OPTION_NAMES);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new EngineError('SPEC_OPTION', `'${name}' is not a framing option: they are ${FRAMING_OPTION_NAMES.join(', ')}`, withReason('option-not-framing', { option: name, options: FRAMING_OPTION_NAMES.join(',') }));
    }
  }
  return options;
}

/** The framer's description of checked options. */
export function framingOf(options: FramingOptions): Framing {
  switch (options.framing ?? 'raw') {
    case 'raw':
      return { mode: 'raw' };
    case 'line':
      return { mode: 'line' };
    case 'delimiter':
      return { mode: 'delimiter', delimiter: Buffer.from(options.delimiter ?? '', 'hex') };
    case 'fixed':
      return { mode: 'fixed', size: options.size ?? 1 };
    case 'length':
      return {
        mode: 'length',
        length: options.length ?? 'u8',
        lengthOffset: options.lengthOffset,
        lengthAdjust: options.lengthAdjust,
        lengthIncludesHeader: options.lengthIncludesHeader,
      };
  }
}

/** A framer for checked options, or undefined for a raw stream (whose reads go to the transcript as they are). */
export function framerFor(options: FramingOptions | undefined): Framer | undefined {
  return options === undefined || (options.framing ?? 'raw') === 'raw' ? undefined : new Framer(framingOf(options));
}

/** The options as a spec query would write them (`framing=length&length=u16be`), for events and labels. */
export function describeFraming(options: FramingOptions | undefined): string {
  if (options === undefined) {
    return 'framing=raw';
  }
  return FRAMING_OPTION_NAMES.filter((name) => options[name] !== undefined)
    .map((name) => {
      const value = options[name];
      return `${name}=${typeof value === 'boolean' ? (value ? '1' : '0') : String(value)}`;
    })
    .join('&');
}
