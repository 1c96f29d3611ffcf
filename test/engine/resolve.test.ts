import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EngineError, type EngineErrorCode, type EngineErrorData } from '../../src/engine/shared/errors';
import { parseHost } from '../../src/engine/hostPort';
import { resolveEndpoint, resolveHost, type LookupFunction, type ResolvedEndpoint } from '../../src/engine/resolve';
import { builtInServices, servicesFromText } from '../../src/engine/serviceNames';
import { parseSpec } from '../../src/engine/spec';

const LINUX = { services: builtInServices, platform: 'linux' } as const;

/** Literal hosts must not touch DNS: this lookup fails the test if it is called. */
const forbiddenLookup: LookupFunction = (hostname) => {
  throw new assert.AssertionError({ message: `lookup('${hostname}') was called for a literal host` });
};

interface LookupCall {
  readonly hostname: string;
  readonly family: 0 | 4 | 6;
}

function fakeLookup(answers: ReadonlyArray<{ address: string; family: number }>, calls: LookupCall[] = []): LookupFunction {
  return async (hostname, options) => {
    calls.push({ hostname, family: options.family });
    return answers;
  };
}

function failingLookup(code: string, message = `getaddrinfo ${code}`): LookupFunction {
  return async () => {
    throw Object.assign(new Error(message), { code, syscall: 'getaddrinfo' });
  };
}

async function expectRejection(promise: Promise<unknown>, code: EngineErrorCode, message: string, data?: EngineErrorData): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, `code for: ${error.message}`);
    assert.equal(error.message, message);
    if (data !== undefined) {
      assert.deepEqual(error.data, data);
    }
    return true;
  });
}

describe('resolveEndpoint', () => {
  describe('literal hosts resolve without DNS', () => {
    const table: Array<[string, ResolvedEndpoint]> = [
      ['tcp-listen://:8080', { addresses: [{ address: '0.0.0.0', family: 4 }], port: 8080, broadcast: false }],
      ['tcp6-listen://:8080', { addresses: [{ address: '::', family: 6 }], port: 8080, broadcast: false }],
      ['udp-listen://:5353?ipv6Only=1', { addresses: [{ address: '::', family: 6 }], port: 5353, broadcast: false }],
      ['udp-listen://:0?ipv6Only=0', { addresses: [{ address: '0.0.0.0', family: 4 }], port: 0, broadcast: false }],
      ['udp://<broadcast>:37020', { addresses: [{ address: '255.255.255.255', family: 4 }], port: 37020, broadcast: true }],
      ['udp-listen://<broadcast>:37020', { addresses: [{ address: '255.255.255.255', family: 4 }], port: 37020, broadcast: true }],
      ['udp://10.0.0.255:9?broadcast=1', { addresses: [{ address: '10.0.0.255', family: 4 }], port: 9, broadcast: true }],
      ['udp://4294967295:9', { addresses: [{ address: '255.255.255.255', family: 4 }], port: 9, broadcast: false }],
      ['tcp://127.0.0.1:http', { addresses: [{ address: '127.0.0.1', family: 4 }], port: 80, broadcast: false }],
      ['tcp4://127.0.0.1:ssh', { addresses: [{ address: '127.0.0.1', family: 4 }], port: 22, broadcast: false }],
      ['tcp://[::1]:443', { addresses: [{ address: '::1', family: 6 }], port: 443, broadcast: false }],
      ['tcp://[fe80::1%25eth0]:80', { addresses: [{ address: 'fe80::1%eth0', family: 6 }], port: 80, broadcast: false }],
      ['udp://2130706433:domain', { addresses: [{ address: '127.0.0.1', family: 4 }], port: 53, broadcast: false }],
      ['udp://0:9', { addresses: [{ address: '0.0.0.0', family: 4 }], port: 9, broadcast: false }],
      ['tcp://:65535', { addresses: [{ address: '0.0.0.0', family: 4 }], port: 65535, broadcast: false }],
    ];
    for (const [text, expected] of table) {
      it(`${text}`, async () => {
        const spec = parseSpec(text, LINUX);
        assert.deepStrictEqual(await resolveEndpoint(spec, { lookup: forbiddenLookup, services: builtInServices }), expected);
      });
    }
  });

  describe('host names', () => {
    it('records every address in resolver order, without duplicates', async () => {
      const calls: LookupCall[] = [];
      const lookup = fakeLookup(
        [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
          { address: '::1', family: 6 },
          { address: '127.0.0.2', family: 4 },
        ],
        calls,
      );
      const endpoint = await resolveEndpoint(parseSpec('tcp://myhost:8080', LINUX), { lookup });
      assert.deepStrictEqual(endpoint, {
        addresses: [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
          { address: '127.0.0.2', family: 4 },
        ],
        port: 8080,
        broadcast: false,
      });
      assert.deepStrictEqual(calls, [{ hostname: 'myhost', family: 0 }]);
    });

    it('asks for the family the spec names, and drops answers of the other family', async () => {
      const answers = [
        { address: '192.0.2.1', family: 4 },
        { address: '2001:db8::1', family: 6 },
      ];
      const table: Array<[string, 0 | 4 | 6, string[]]> = [
        ['tcp6://dual.example:80', 6, ['2001:db8::1']],
        ['udp4://dual.example:80', 4, ['192.0.2.1']],
        ['udp-listen://dual.example:80?ipv6Only=1', 6, ['2001:db8::1']],
        ['udp-listen://dual.example:80?ipv6Only=0', 0, ['192.0.2.1', '2001:db8::1']],
      ];
      for (const [text, family, addresses] of table) {
        const calls: LookupCall[] = [];
        const endpoint = await resolveEndpoint(parseSpec(text, LINUX), { lookup: fakeLookup(answers, calls) });
        assert.deepStrictEqual(
          endpoint.addresses.map((item) => item.address),
          addresses,
          text,
        );
        assert.deepStrictEqual(calls, [{ hostname: 'dual.example', family }], text);
      }
    });

    it('looks up internationalized names by their ASCII form', async () => {
      const calls: LookupCall[] = [];
      await resolveEndpoint(parseSpec('tcp://bücher.de:80', LINUX), { lookup: fakeLookup([{ address: '192.0.2.7', family: 4 }], calls) });
      assert.deepStrictEqual(calls, [{ hostname: 'xn--bcher-kva.de', family: 0 }]);
    });

    it('resolves service names with the injected services table', async () => {
      const services = servicesFromText('beacon 37020/udp\n');
      const spec = parseSpec('udp://lan.example:beacon', { services });
      const endpoint = await resolveEndpoint(spec, { lookup: fakeLookup([{ address: '192.0.2.9', family: 4 }]), services });
      assert.equal(endpoint.port, 37020);
    });

    it('a name that resolves to nothing is ENOTFOUND naming the host', async () => {
      await expectRejection(
        resolveEndpoint(parseSpec('tcp://no-such-host.invalid:80', LINUX), { lookup: fakeLookup([]) }),
        'ENOTFOUND',
        "host 'no-such-host.invalid' not found",
        { reason: 'host-not-found', host: 'no-such-host.invalid' },
      );
    });

    it('getaddrinfo failures that mean "no such name" become ENOTFOUND', async () => {
      for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENODATA']) {
        await expectRejection(
          resolveEndpoint(parseSpec('tcp://no-such-host.invalid:80', LINUX), { lookup: failingLookup(code) }),
          'ENOTFOUND',
          "host 'no-such-host.invalid' not found",
          { reason: 'host-not-found', host: 'no-such-host.invalid', systemCode: code },
        );
      }
    });

    it('says which family is missing when the spec asks for one', async () => {
      await expectRejection(
        resolveEndpoint(parseSpec('tcp6://v4only.example:80', LINUX), { lookup: fakeLookup([{ address: '192.0.2.1', family: 4 }]) }),
        'ENOTFOUND',
        "host 'v4only.example' has no IPv6 address",
        { reason: 'host-no-family-address', host: 'v4only.example', family: 6 },
      );
      await expectRejection(
        resolveEndpoint(parseSpec('tcp6://v4only.example:80', LINUX), { lookup: failingLookup('ENOTFOUND') }),
        'ENOTFOUND',
        "host 'v4only.example' has no IPv6 address",
        { reason: 'host-no-family-address', host: 'v4only.example', family: 6, systemCode: 'ENOTFOUND' },
      );
    });

    it('other lookup failures keep their system code', async () => {
      await expectRejection(
        resolveEndpoint(parseSpec('tcp://broken.example:80', LINUX), { lookup: failingLookup('EAI_FAIL', 'getaddrinfo EAI_FAIL broken.example') }),
        'SYSTEM',
        'getaddrinfo EAI_FAIL broken.example',
        { host: 'broken.example', systemCode: 'EAI_FAIL', syscall: 'getaddrinfo' },
      );
    });

    it('gives up after the timeout with ETIMEDOUT', async () => {
      const never: LookupFunction = () => new Promise(() => undefined);
      const started = Date.now();
      await expectRejection(
        resolveEndpoint(parseSpec('tcp://slow.example:80', LINUX), { lookup: never, timeout: 50 }),
        'ETIMEDOUT',
        "looking up host 'slow.example' took longer than 50 ms",
        { reason: 'lookup-timeout', host: 'slow.example', timeout: 50 },
      );
      assert.ok(Date.now() - started < 2000);
    });

    it('resolves localhost with the real resolver to loopback addresses, as /etc/hosts says', async function () {
      const endpoint = await resolveEndpoint(parseSpec('tcp://localhost:80', LINUX), { timeout: 5000 });
      assert.ok(endpoint.addresses.length > 0);
      for (const item of endpoint.addresses) {
        assert.ok(item.address === '::1' || item.address.startsWith('127.'), `localhost resolved to ${item.address}`);
        assert.equal(item.family, item.address.includes(':') ? 6 : 4);
      }
      const ipv4 = await resolveEndpoint(parseSpec('tcp4://localhost:80', LINUX), { timeout: 5000 });
      assert.ok(ipv4.addresses.every((item) => item.family === 4));
      let hosts = '';
      try {
        hosts = readFileSync('/etc/hosts', 'utf8');
      } catch {
        this.skip();
      }
      // Every IPv4 address /etc/hosts gives localhost comes back (glibc reads the file before DNS).
      const listed = hosts
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
        .filter((fields) => fields.length > 1 && fields.slice(1).includes('localhost') && !fields[0].includes(':'))
        .map((fields) => fields[0]);
      for (const address of listed) {
        assert.ok(
          ipv4.addresses.some((item) => item.address === address),
          `${address} from /etc/hosts missing in ${JSON.stringify(ipv4.addresses)}`,
        );
      }
    });

    it('does not find no-such-host.invalid with the real resolver (bounded: skips if DNS hangs)', async function () {
      try {
        await resolveEndpoint(parseSpec('tcp://no-such-host.invalid:80', LINUX), { timeout: 3000 });
        assert.fail('no-such-host.invalid resolved');
      } catch (error) {
        assert.ok(error instanceof EngineError);
        if (error.code === 'ETIMEDOUT') {
          this.skip();
        }
        assert.equal(error.code, 'ENOTFOUND');
        assert.equal(error.message, "host 'no-such-host.invalid' not found");
        assert.equal(error.data.host, 'no-such-host.invalid');
      }
    });
  });

  it('refuses UNIX specs: they have a path, not a host', async () => {
    await expectRejection(
      resolveEndpoint(parseSpec('unix:///tmp/a.sock', LINUX), { lookup: forbiddenLookup }),
      'UNSUPPORTED',
      'unix:// sockets have a path, not a host to resolve',
      { reason: 'resolve-path-socket', scheme: 'unix', transport: 'unix' },
    );
    await expectRejection(
      resolveEndpoint(parseSpec('unix-dgram-listen:///tmp/a.sock', LINUX), { lookup: forbiddenLookup }),
      'UNSUPPORTED',
      'unix-dgram-listen:// sockets have a path, not a host to resolve',
    );
  });
});

describe('resolveHost', () => {
  it('maps each literal kind to its address', async () => {
    const table: Array<[string, Parameters<typeof parseHost>[1], { address: string; family: 4 | 6 }]> = [
      ['', {}, { address: '0.0.0.0', family: 4 }],
      ['', { family: 6 }, { address: '::', family: 6 }],
      ['<broadcast>', {}, { address: '255.255.255.255', family: 4 }],
      ['192.0.2.1', {}, { address: '192.0.2.1', family: 4 }],
      ['[fe80::1%eth0]', {}, { address: 'fe80::1%eth0', family: 6 }],
      ['2130706433', {}, { address: '127.0.0.1', family: 4 }],
    ];
    for (const [text, context, expected] of table) {
      assert.deepStrictEqual(await resolveHost(parseHost(text, context), { lookup: forbiddenLookup }), [expected], text);
    }
  });

  it('ignores answers with families it does not know', async () => {
    const addresses = await resolveHost(parseHost('odd.example'), {
      lookup: fakeLookup([
        { address: 'x', family: 5 },
        { address: '192.0.2.3', family: 4 },
      ]),
    });
    assert.deepStrictEqual(addresses, [{ address: '192.0.2.3', family: 4 }]);
  });
});
