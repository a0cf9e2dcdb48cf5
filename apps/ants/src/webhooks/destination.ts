import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { antsError } from '../domain/errors.ts';

/**
 * Where the national service may push: a school's receiver on the Internet, never the service's
 * own network (loopback, private ranges, the cloud metadata address…), which a school could
 * otherwise reach through its webhook. Development (`WEBHOOKS_ALLOW_PRIVATE=1`) allows http and
 * local addresses, for the school running beside it.
 */
export type DestinationPolicy = { allowPrivate: boolean };

/**
 * Whether an IP address is one of the Internet's, by the special ranges `ipaddr.js` keeps (after
 * IANA's registries): only what it calls `unicast` is, so loopback, private, link-local,
 * carrier-grade NAT, documentation, benchmarking, multicast, reserved, discard-only, ORCHID, AMT,
 * AS112… are not. An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 is judged as
 * its IPv4. 6to4, Teredo and NAT64 addresses are never public, whatever IPv4 they lead to: tunnels
 * or translators to any IPv4, of no use to a school's receiver.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip instanceof ipaddr.IPv6) {
    // ::a.b.c.d: 96 zero bits, other than :: and ::1 (which ipaddr.js names unspecified, loopback).
    const compatible = ip.parts.slice(0, 6).every((part) => part === 0) && ip.range() === 'unicast';
    if (ip.isIPv4MappedAddress() || compatible) ip = ipaddr.fromByteArray(ip.toByteArray().slice(12));
  }
  return ip.range() === 'unicast';
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
  const refused = () => antsError('WEBHOOK_URL_REFUSED', DESTINATION_REFUSED);
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
    throw antsError('WEBHOOK_URL_REFUSED', "Le nom de l'adresse du webhook est introuvable.");
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
