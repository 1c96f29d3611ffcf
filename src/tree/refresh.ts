/**
 * Coalesces row refreshes for the Sockets view (the GitLens viewBase pattern): changes mark
 * elements, and a throttle fires onDidChangeTreeData at most every `intervalMs` with exactly the
 * marked elements, however fast bytes flow. Only a change of the top-level list refreshes the
 * whole tree. Some rows refresh on a slower clock (see refreshSlowly).
 */

export class RefreshScheduler<T> {
  private readonly pending = new Set<T>();
  private readonly slow = new Set<T>();
  private whole = false;
  private timer: NodeJS.Timeout | undefined;
  private slowTimer: NodeJS.Timeout | undefined;
  private lastFire = -Infinity;
  private disposed = false;

  constructor(
    private readonly fire: (elements: T[] | undefined) => void,
    private readonly intervalMs = 100,
    private readonly slowIntervalMs = 1000,
  ) {}

  /** Refreshes the element (its row, and its children if VS Code shows them) within one interval. */
  refresh(element: T): void {
    this.slow.delete(element);
    this.pending.add(element);
    this.schedule();
  }

  /**
   * For rows whose visible text did not change but whose tooltip did (a server's counters): a
   * refresh re-lists an expanded server's page, so it is worth doing only about once a second.
   */
  refreshSlowly(element: T): void {
    if (this.pending.has(element) || this.disposed) {
      return;
    }
    this.slow.add(element);
    this.slowTimer ??= setTimeout(() => {
      this.slowTimer = undefined;
      this.promoteSlow();
      this.schedule();
    }, this.slowIntervalMs);
  }

  /** The top-level list changed: its parent is the root, so the whole tree refreshes. */
  refreshAll(): void {
    this.whole = true;
    this.schedule();
  }

  /** The element is gone: firing it would make VS Code ask for a row that no longer exists. */
  forget(element: T): void {
    this.pending.delete(element);
    this.slow.delete(element);
  }

  /** Fires whatever is pending now (tests, and before the view goes away). */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.slowTimer !== undefined) {
      clearTimeout(this.slowTimer);
      this.slowTimer = undefined;
    }
    this.promoteSlow();
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.slowTimer);
    this.pending.clear();
    this.slow.clear();
  }

  private promoteSlow(): void {
    for (const element of this.slow) {
      this.pending.add(element);
    }
    this.slow.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) {
      return;
    }
    // The first change after a quiet spell shows at once; later ones wait for the interval.
    const wait = Math.max(0, this.lastFire + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, wait);
  }

  private run(): void {
    if (!this.whole && this.pending.size === 0) {
      return;
    }
    this.lastFire = performance.now();
    if (this.whole) {
      this.whole = false;
      this.pending.clear();
      this.fire(undefined);
      return;
    }
    const elements = [...this.pending];
    this.pending.clear();
    this.fire(elements);
  }
}
