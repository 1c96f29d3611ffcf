// Python imports per document version. Reading imports scans the whole document, so it happens once
// per version and not per hover; the cache is bounded (least recently used goes first) and the
// provider drops a document's entry when VS Code closes it. Pure: keyed by the document's URI string.
import { analyzePythonImports } from './scanner';
import type { PythonImports } from './scanner';

/** Enough for every Python editor a person has open; each entry is a few small sets. */
export const DEFAULT_IMPORTS_CAPACITY = 32;

interface CachedImports {
  readonly version: number;
  readonly imports: PythonImports;
}

export class PythonImportsCache {
  private readonly entries = new Map<string, CachedImports>();
  private analysisCount = 0;

  constructor(private readonly capacity = DEFAULT_IMPORTS_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`PythonImportsCache capacity must be a positive integer, not ${capacity}`);
    }
  }

  /** The imports of `key` at `version`; `text` is only called when that version was not analysed yet. */
  get(key: string, version: number, text: () => string): PythonImports {
    const cached = this.entries.get(key);
    // Re-inserting keeps the Map's insertion order equal to recency of use.
    this.entries.delete(key);
    if (cached !== undefined && cached.version === version) {
      this.entries.set(key, cached);
      return cached.imports;
    }
    const imports = analyzePythonImports(text());
    this.analysisCount++;
    this.entries.set(key, { version, imports });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) {
        this.entries.delete(oldest.value);
      }
    }
    return imports;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many times a document was analysed (for tests: proves the cache is hit). */
  get analyses(): number {
    return this.analysisCount;
  }
}
