/**
 * The engine's public surface. The extension imports from here only (a lint rule says so), so what
 * is internal (the socket classes, the send loop) can change without touching the UI. The webview
 * cannot load this file (it pulls in Node): it imports the browser-safe modules of ./shared/ directly.
 */
export * from './shared/types';
export * from './shared/errors';
export * from './shared/sockets';
export * from './shared/codecs';
export * from './shared/hexdump';
export * from './shared/readable';
export { formatAddress, parseTarget } from './address';
export type { SendTarget } from './address';
export { BROADCAST_HOST, bracketHost, isMulticastAddress, parseHost, parsePort, splitHostPort } from './hostPort';
export type { HostInfo, HostPort } from './hostPort';
export { systemServices } from './serviceNames';
export type { ServiceProtocol, ServiceTable } from './serviceNames';
export { SPEC_OPTION_NAMES, SPEC_SCHEMES, bindsAllInterfaces, buildSpec, checkUnixPath, formatSpec, parseSpec } from './spec';
export type { ParseOptions, SpecFields } from './spec';
export type { Disposable, Event } from './events';
export { Emitter, setListenerErrorSink } from './events';
export { SocketEngine, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATS_INTERVAL_MS } from './engine';
export type { BindRequest, DataEvent, EndEvent, EngineOptions, OpenOptions, RemovedEvent, StartTlsOptions, StatsChange, TlsCredentials } from './engine';
export { DEFAULT_CERTIFICATE_DAYS, DEFAULT_CERTIFICATE_HOSTS, certificateExpiry, createSelfSignedCertificate } from './certificate';
export type { SelfSigned, SelfSignedOptions } from './certificate';
export type { CloseMode } from './managed';
export type { IncomingListener } from './incoming';
export { isAllInterfacesAddress } from './address';
export type { SendOptions, SendProgress, SendResult } from './send';
export { DEFAULT_TRANSCRIPT_LIMITS } from './transcript';
export { DEFAULT_MAX_FRAME } from './framing';
export { asBuffer } from './framingBytes';
export { describeFraming, FRAMING_OPTION_NAMES, parseFramingText } from './framingOptions';
export { DEFAULT_MAX_TOTAL_TRANSCRIPT_BYTES } from './budget';
export type { TranscriptView } from './transcript';
export type { CaptureExport } from './export';
export { RECORDING_FORMATS } from './recorder';
export type { RecordingFormat, RecordingStatus } from './recorder';
export type { RecordingChange, RecordOptions } from './recordings';
// For the wire runner (src/wire), which reaches the engine only through this file.
export { socketSpec } from './spec';
