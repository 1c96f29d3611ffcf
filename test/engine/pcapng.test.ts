import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseEndpoint } from '../../src/engine/capture';
import { addressBytes, onesSum, tcpHeaders, TCP_SYN, udpHeaders } from '../../src/engine/packets';
import { enhancedPacketBlock, interfaceDescriptionBlock, sectionHeaderBlock } from '../../src/engine/pcapng';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** RFC 1071 byte by byte, the reference for the fast path. */
function slowSum(bytes: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < bytes.byteLength; index += 2) {
    sum += (bytes[index] << 8) | (bytes[index + 1] ?? 0);
  }
  while (sum > 0xffff) {
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return sum;
}

describe('pcapng blocks and synthesized headers', () => {
  it('a section header without options is 28 bytes: magic, version 1.0, unknown length', () => {
    assert.equal(hex(sectionHeaderBlock()), '0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000');
  });

  it('options are padded to 4 bytes and ended by opt_endofopt', () => {
    const block = sectionHeaderBlock({ comment: 'abcde' });
    // 28 + comment (4 + 8) + end (4)
    assert.equal(block.byteLength, 44);
    assert.equal(hex(block.subarray(24, 40)), '010005006162636465000000' + '00000000');
    assert.equal(new DataView(block.buffer).getUint32(40, true), 44);
  });

  it('an interface says LINKTYPE_RAW and microsecond timestamps', () => {
    const block = interfaceDescriptionBlock({ linkType: 101 });
    assert.equal(hex(block), '01000000' + '20000000' + '6500' + '0000' + '00000000' + '0900010006000000' + '00000000' + '20000000');
  });

  it('a packet block keeps the payload by reference and counts bytes not captured', () => {
    const payload = Uint8Array.of(1, 2, 3);
    const [head, body, tail] = enhancedPacketBlock(0, 0x1_0000_0002, Uint8Array.of(9, 9), payload, 10);
    assert.equal(body, payload);
    const view = new DataView(head.buffer);
    assert.equal(view.getUint32(12, true), 1, 'timestamp high');
    assert.equal(view.getUint32(16, true), 2, 'timestamp low');
    assert.equal(view.getUint32(20, true), 5, 'captured');
    assert.equal(view.getUint32(24, true), 10, 'original');
    const total = head.byteLength + body.byteLength + tail.byteLength;
    assert.equal(total % 4, 0);
    assert.equal(view.getUint32(4, true), total);
    assert.equal(new DataView(tail.buffer).getUint32(tail.byteLength - 4, true), total);
  });

  it('the ones-complement sum: RFC 1071 example, and the fast path equals the slow one at every offset and length', () => {
    assert.equal(onesSum(Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7)), 0xddf2);
    const data = randomBytes(70_000);
    for (const [offset, length] of [[0, 70_000], [1, 6001], [2, 4097], [4, 65], [3, 64], [0, 0], [5, 1]]) {
      const view = new Uint8Array(data.buffer, data.byteOffset + offset, length);
      assert.equal(onesSum(view), slowSum(view), `offset ${offset}, length ${length}`);
    }
  });

  it('addresses: IPv4, IPv6 with :: and zones, mapped IPv4; names are not addresses', () => {
    assert.equal(hex(addressBytes('127.0.0.1') ?? new Uint8Array()), '7f000001');
    assert.equal(hex(addressBytes('::1') ?? new Uint8Array()), '00000000000000000000000000000001');
    assert.equal(hex(addressBytes('fe80::1%lo') ?? new Uint8Array()), 'fe800000000000000000000000000001');
    assert.equal(hex(addressBytes('::ffff:10.0.0.2') ?? new Uint8Array()), '00000000000000000000ffff0a000002');
    assert.equal(hex(addressBytes('2001:db8::') ?? new Uint8Array()), '20010db8000000000000000000000000');
    assert.equal(addressBytes('localhost'), undefined);
    assert.deepEqual(parseEndpoint('[::1]:53')?.port, 53);
    assert.equal(parseEndpoint('/tmp/a.sock'), undefined);
    assert.equal(parseEndpoint('#3'), undefined);
  });

  it('headers verify: the IPv4 header and the TCP/UDP checksums sum to 0xffff', () => {
    const from = { address: Uint8Array.of(127, 0, 0, 1), port: 40000 };
    const to = { address: Uint8Array.of(127, 0, 0, 1), port: 80 };
    const payload = randomBytes(1001);
    const tcp = tcpHeaders({ from, to, seq: 5, ack: 7, flags: 0x18, payload, length: payload.byteLength });
    assert.equal(onesSum(tcp.subarray(0, 20)), 0xffff);
    const pseudo = Buffer.concat([from.address, to.address, Uint8Array.of(0, 6, ((20 + 1001) >> 8) & 0xff, (20 + 1001) & 0xff)]);
    assert.equal(onesSum(Buffer.concat([pseudo, tcp.subarray(20), payload])), 0xffff);
    const syn = tcpHeaders({ from, to, seq: 5, ack: 0, flags: TCP_SYN, payload: new Uint8Array(), length: 0 });
    assert.equal(syn.byteLength, 20 + 28, 'a SYN carries MSS and window scale');
    const udp = udpHeaders(from, to, payload, payload.byteLength);
    const udpPseudo = Buffer.concat([from.address, to.address, Uint8Array.of(0, 17, ((8 + 1001) >> 8) & 0xff, (8 + 1001) & 0xff)]);
    assert.equal(onesSum(Buffer.concat([udpPseudo, udp.subarray(20), payload])), 0xffff);
    const cut = udpHeaders(from, to, payload.subarray(0, 10), payload.byteLength);
    assert.equal(new DataView(cut.buffer).getUint16(26), 0, 'a cut datagram has no checksum rather than a wrong one');
  });
});
