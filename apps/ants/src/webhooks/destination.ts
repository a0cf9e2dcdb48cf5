import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { proError } from '../pro/errors.ts';

/**
 * Where the national service may push: a school's receiver on the Internet, never the service's
 * own network (loopback, private ranges, the cloud metadata address…), which a school could
 * otherwise reach through its webhook. Development (`WEBHOOKS_ALLOW_PRIVATE=1`) allows http and
 * local addresses, for the school running beside it.
 */
export type DestinationPolicy = { allowPrivate: boolean };

const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one of the Internet's (an IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return isPublicAddress(dotted);
  // The URL parser writes a mapped IPv4 in hex (::ffff:7f00:1): judged as its IPv4 too.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC_V4.check(address, 'ipv4');
  if (family === 6) return !NOT_PUBLIC_V6.check(address, 'ipv6');
  return false;
}

export const DESTINATION_REFUSED =
  "L'adresse du webhook doit être en https et joignable sur Internet : une adresse locale, privée ou réservée est refusée.";

type Resolved = { address: string; family: number };

/**
 * Checks a webhook address and answers the addresses to connect to: https only, and every address
 * its name resolves to public (one private answer is enough to refuse: DNS rebinding). Without
 * `resolve`, only what the address itself says (scheme, a literal IP).
 */
export async function checkDestination(url: string, policy: DestinationPolicy, resolve = true): Promise<Resolved[]> {
  const refused = () => proError('WEBHOOK_URL_REFUSED', DESTINATION_REFUSED);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused();
  }
  const schemeOk = parsed.protocol === 'https:' || (policy.allowPrivate && parsed.protocol === 'http:');
  if (!schemeOk || parsed.username || parsed.password) throw refused();
  // The URL parser has already turned "2130706433" or "0x7f.1" into 127.0.0.1.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // At registration a name is not resolved (its answers may change): each delivery checks them.
  if (!resolve && !isIP(host)) return [];
  let addresses: Resolved[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw proError('WEBHOOK_URL_REFUSED', "Le nom de l'adresse du webhook est introuvable.");
  }
  if (addresses.length === 0) throw refused();
  if (!policy.allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) throw refused();
  return addresses;
}

/** A receiver has this long to answer a delivery. */
export const DELIVERY_TIMEOUT_MS = 5000;

/**
 * POSTs a delivery to the checked address itself (the name is not resolved again between the
 * check and the connection), never following a redirect (a 3xx is a failed delivery: the signed
 * body goes nowhere else), within `timeoutMs` in all.
 */
export async function postToDestination(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: DestinationPolicy,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<{ ok: boolean; status: number }> {
  const [target] = await checkDestination(url, policy);
  const parsed = new URL(url);
  const client = parsed.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      parsed,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: (_hostname, options, callback) => {
          // Node asks for every address when it may try both families: the checked one only.
          if ((options as { all?: boolean }).all) {
            (callback as (e: null, a: Resolved[]) => void)(null, [target!]);
          } else callback(null, target!.address, target!.family);
        },
        // SNI and certificate checks keep the name, though the connection goes to the checked address.
        ...(parsed.protocol === 'https:' && !isIP(parsed.hostname) ? { servername: parsed.hostname } : {}),
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status });
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new Error('délai de 5 s dépassé')), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
