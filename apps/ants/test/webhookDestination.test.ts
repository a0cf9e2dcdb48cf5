import { describe, expect, it } from 'vitest';
import { checkDestination, DESTINATION_REFUSED, isPublicAddress } from '../src/webhooks/destination.ts';

const strict = { allowPrivate: false };

/** Addresses a school's webhook may not point to, by why (each written as DNS or a URL may give it). */
const refused: Record<string, string[]> = {
  loopback: ['127.0.0.1', '127.255.255.254', '::1'],
  unspecified: ['0.0.0.0', '0.1.2.3', '::'],
  private: ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.20'],
  'link-local and metadata': ['169.254.169.254', 'fe80::1', 'fe80::1%eth0', 'fd00:ec2::254'],
  'unique local and site-local': ['fc00::1', 'fdff::1', 'fec0::1'],
  'carrier-grade NAT': ['100.64.0.1', '100.127.255.254'],
  'IPv4-mapped, as its IPv4': [
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:0.0.0.0',
  ],
  'IPv4-compatible, as its IPv4': ['::127.0.0.1', '::7f00:1', '::10.0.0.1', '::169.254.169.254', '::c0a8:114'],
  'IPv4-translated (RFC 6145)': ['::ffff:0:7f00:1', '::ffff:0:808:808'],
  '6to4, whatever IPv4 it tunnels to': ['2002:7f00:1::', '2002:a00:1::', '2002:a9fe:a9fe::1', '2002:808:808::'],
  'Teredo, whatever it tunnels to': ['2001::1', '2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:7f00:1::'],
  'NAT64, whatever IPv4 it translates to': [
    '64:ff9b::7f00:1',
    '64:ff9b::a00:1',
    '64:ff9b::808:808',
    '64:ff9b:1::7f00:1',
  ],
  documentation: ['192.0.2.1', '198.51.100.1', '203.0.113.1', '2001:db8::1', '3fff::1', '3fff:fff::1'],
  benchmarking: ['198.18.0.1', '198.19.255.255', '2001:2::1'],
  multicast: ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff05::1:3'],
  'reserved and broadcast': ['240.0.0.1', '255.255.255.255', '192.0.0.1', '192.88.99.1', '2001:1::1'],
  'discard-only': ['100::1', '100::ffff:ffff:ffff:ffff'],
  'ORCHID and drone tags': ['2001:10::1', '2001:20::1', '2001:2f::1', '2001:30::1'],
  'AMT and AS112': ['192.52.193.1', '2001:3::1', '192.175.48.1', '192.31.196.1', '2001:4:112::1', '2620:4f:8000::1'],
  'segment routing': ['5f00::1'],
  'not an address': ['localhost', 'ecole.example', '', '1.2.3.4.5'],
};

/** Addresses on the Internet (the neighbours of refused ranges included). */
const accepted = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '198.17.255.255',
  '198.20.0.1',
  '223.255.255.1',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '::8.8.8.8',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '2a00:1450:4007:80e::200e',
  '2001:200::1',
  '2003::1',
  '64:ff9c::1',
];

describe('webhook destinations', () => {
  for (const [why, addresses] of Object.entries(refused)) {
    it(`refuses ${why} addresses: ${addresses.join(', ')}`, () => {
      expect(addresses.filter((a) => isPublicAddress(a))).toEqual([]);
    });
  }

  it(`accepts public addresses: ${accepted.join(', ')}`, () => {
    expect(accepted.filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  const refusedUrls = [
    'https://[::127.0.0.1]/',
    'https://[2002:7f00:1::]/',
    'https://[2002:a00:1::]/',
    'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[64:ff9b:1::a00:1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[::a9fe:a9fe]/latest/meta-data',
    'https://[fd00:ec2::254]/',
    'https://[2001:db8::1]/',
    'https://[3fff::1]/',
    'https://[100::1]/',
    'https://[2001:20::1]/',
    'https://[ff02::1]/',
    'https://[::]/',
    'https://0/',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://0300.0250.1.024/',
    'https://192.0.2.1/',
    'https://198.18.0.1/',
    'https://224.0.0.1/',
    'https://240.0.0.1/',
    'https://255.255.255.255/',
    'https://100.64.0.1/',
  ];
  for (const resolve of [false, true]) {
    it(`refuses literal addresses in a URL ${resolve ? 'at delivery' : 'at registration'}`, async () => {
      const outcomes = await Promise.all(
        refusedUrls.map((url) =>
          checkDestination(url, strict, resolve).then(
            () => [url, 'accepted'],
            (e: { code: string; message: string }) => [url, e.code, e.message],
          ),
        ),
      );
      expect(outcomes).toEqual(refusedUrls.map((url) => [url, 'WEBHOOK_URL_REFUSED', DESTINATION_REFUSED]));
    });
  }

  it('answers a public literal address, in https only and without credentials', async () => {
    expect(await checkDestination('https://8.8.8.8/hook', strict)).toEqual([{ address: '8.8.8.8', family: 4 }]);
    expect(await checkDestination('https://[2606:4700:4700::1111]/hook', strict)).toEqual([
      { address: '2606:4700:4700::1111', family: 6 },
    ]);
    expect(await checkDestination('https://[::ffff:8.8.8.8]/hook', strict)).toEqual([
      { address: '::ffff:808:808', family: 6 },
    ]);
    for (const url of ['http://8.8.8.8/hook', 'https://u:p@8.8.8.8/hook', 'ftp://8.8.8.8/', 'pas une adresse']) {
      await expect(checkDestination(url, strict)).rejects.toMatchObject({
        code: 'WEBHOOK_URL_REFUSED',
        message: DESTINATION_REFUSED,
      });
    }
  });

  it('refuses a name that resolves to a local address at delivery, not at registration', async () => {
    expect(await checkDestination('https://localhost/hook', strict, false)).toEqual([]);
    await expect(checkDestination('https://localhost/hook', strict)).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
      message: DESTINATION_REFUSED,
    });
  });

  it('allows local addresses and http in development', async () => {
    const dev = { allowPrivate: true };
    expect(await checkDestination('http://[::127.0.0.1]:8080/hook', dev)).toEqual([{ address: '::7f00:1', family: 6 }]);
    expect(await checkDestination('https://[2002:7f00:1::]/hook', dev)).toHaveLength(1);
    expect(await checkDestination('http://10.0.0.1/hook', dev)).toEqual([{ address: '10.0.0.1', family: 4 }]);
  });
});
