/**
 * A tiny typed event emitter with the same shape as vscode.Event, so the extension can hand engine
 * events to VS Code APIs without adapters while the engine stays free of the vscode module.
 */

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners: Array<(value: T) => void> = [];
  private disposed = false;

  /** Subscribe; the returned Disposable unsubscribes. */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) {
      return { dispose: () => undefined };
    }
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
      },
    };
  };

  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /**
   * Calls every listener. A listener that throws must not stop the others or reach the socket code
   * that fired the event, so errors are passed to the error sink instead.
   */
  fire(value: T): void {
    // Copy-on-write in event(): iterating the current array is safe while listeners unsubscribe.
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        listenerFailed(error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}

let listenerErrorSink: (error: unknown) => void = () => undefined;

/** Where a listener's throw goes: the host's log, never the socket code that called it. */
export function listenerFailed(error: unknown): void {
  listenerErrorSink(error);
}

/** Lets the host route listener failures to its log; the engine itself has no logger. */
export function setListenerErrorSink(sink: (error: unknown) => void): void {
  listenerErrorSink = sink;
}
