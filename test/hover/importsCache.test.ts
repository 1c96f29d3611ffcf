// Python imports are read once per document version, the cache stays bounded, and closing drops it.
import { strict as assert } from 'node:assert';
import { PythonImportsCache } from '../../src/hover/importsCache';

describe('hover: Python imports cache', () => {
  it('analyses a document once per version', () => {
    const cache = new PythonImportsCache();
    let reads = 0;
    const text = (content: string) => () => {
      reads++;
      return content;
    };
    const first = cache.get('file:///a.py', 1, text('import socket as net'));
    assert.deepEqual([...first.socketModules], ['net']);
    assert.equal(cache.get('file:///a.py', 1, text('ignored: same version')), first);
    assert.equal(reads, 1);
    const second = cache.get('file:///a.py', 2, text('from socket import *'));
    assert.equal(second.socketStar, true);
    assert.equal(reads, 2);
    assert.equal(cache.analyses, 2);
    assert.equal(cache.size, 1);
  });

  it('keeps at most `capacity` documents, dropping the least recently used', () => {
    const cache = new PythonImportsCache(2);
    const source = () => 'import socket';
    cache.get('a', 1, source);
    cache.get('b', 1, source);
    cache.get('a', 1, source); // a is now the most recent
    cache.get('c', 1, source); // evicts b
    assert.equal(cache.size, 2);
    const before = cache.analyses;
    cache.get('a', 1, source);
    cache.get('c', 1, source);
    assert.equal(cache.analyses, before, 'a and c are still cached');
    cache.get('b', 1, source);
    assert.equal(cache.analyses, before + 1, 'b was evicted');
  });

  it('forgets closed documents and everything on clear', () => {
    const cache = new PythonImportsCache();
    cache.get('a', 1, () => 'import socket');
    cache.get('b', 1, () => 'import socket');
    cache.delete('a');
    assert.equal(cache.size, 1);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('refuses a capacity that is not a positive integer', () => {
    assert.throws(() => new PythonImportsCache(0), /positive integer, not 0/);
    assert.throws(() => new PythonImportsCache(1.5), /positive integer/);
  });
});
