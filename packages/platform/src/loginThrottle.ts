import { AppError } from './errors.ts';

/**
 * Login rate limiting: after `maxFailures` failed attempts for one identifier from one address
 * within `windowMs`, further attempts are refused until the window has passed; a success clears
 * the count. A second, wider cap per address stops spraying many identifiers.
 * In memory: a service restart forgets, which is acceptable for a throttle.
 */
export type LoginThrottle = {
  assertAllowed(ip: string, identifier: string): void;
  recordFailure(ip: string, identifier: string): void;
  recordSuccess(ip: string, identifier: string): void;
};

export function createLoginThrottle(
  options: { maxFailures?: number; maxPerIp?: number; windowMs?: number } = {},
): LoginThrottle {
  const maxFailures = options.maxFailures ?? 5;
  const maxPerIp = options.maxPerIp ?? 50;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((at) => now - at < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  const keys = (ip: string, identifier: string) => [`id:${ip}|${identifier.trim().toLowerCase()}`, `ip:${ip}`];

  return {
    assertAllowed(ip, identifier) {
      const now = Date.now();
      const [idKey, ipKey] = keys(ip, identifier);
      const byId = recent(idKey as string, now);
      const byIp = recent(ipKey as string, now);
      if (byId.length >= maxFailures || byIp.length >= maxPerIp) {
        const oldest = Math.min(...(byId.length >= maxFailures ? byId : byIp));
        const minutes = Math.max(1, Math.ceil((oldest + windowMs - now) / 60000));
        throw new AppError(
          429,
          'TOO_MANY_ATTEMPTS',
          `Trop de tentatives de connexion échouées. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        );
      }
    },
    recordFailure(ip, identifier) {
      const now = Date.now();
      if (failures.size > 10000) for (const key of failures.keys()) recent(key, now);
      for (const key of keys(ip, identifier)) failures.set(key, [...recent(key, now), now]);
    },
    recordSuccess(ip, identifier) {
      failures.delete(keys(ip, identifier)[0] as string);
    },
  };
}
