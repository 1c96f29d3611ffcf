/**
 * The engine's public surface. The extension imports from here only, so what is internal (the
 * socket classes, the send loop) can change without touching the UI.
 */
export * from './types';
export * from './errors';
export type { Disposable, Event } from './events';
export { Emitter, setListenerErrorSink } from './events';
export { SocketEngine, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATS_INTERVAL_MS } from './engine';
export type { BindRequest, DataEvent, EngineOptions, OpenOptions, RemovedEvent, StatsChange } from './engine';
export type { CloseMode } from './managed';
export { isAllInterfacesAddress } from './address';
export type { SendOptions, SendProgress, SendResult } from './send';
export { DEFAULT_TRANSCRIPT_LIMITS } from './transcript';
export type { TranscriptView } from './transcript';
