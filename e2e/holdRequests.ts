import type { Page, Request } from '@playwright/test';

/**
 * Holds the page's requests to `url` (a glob; with `method`, only those of that method) on the way
 * to the server, to look at the page while it waits for them: `asked` settles on the first one
 * held, `release` lets them all through. The test releases them once it has seen what it reads,
 * never after a fixed time. The route stays, passing everything on (an unroute while one is held
 * fails it).
 */
export async function holdRequests(page: Page, url: string, method?: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen: (request: Request) => void = () => {};
  const asked = new Promise<Request>((resolve) => {
    seen = resolve;
  });
  await page.route(url, async (route) => {
    if (method === undefined || route.request().method() === method) {
      seen(route.request());
      await held;
    }
    await route.continue();
  });
  return { asked, release };
}
