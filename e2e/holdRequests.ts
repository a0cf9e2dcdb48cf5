import type { Page, Request } from '@playwright/test';

/**
 * Holds the page's requests to `url` (a glob) on the way to the server, to look at the page while
 * it waits for them: `asked` settles on the first one sent, `release` lets them all through. The
 * route stays, passing everything on (an unroute while one is held fails it).
 */
export async function holdRequests(page: Page, url: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  const asked: Promise<Request> = page.waitForRequest(url);
  return { asked, release };
}
