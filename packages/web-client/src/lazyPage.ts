import type { ComponentType } from 'react';

/**
 * A route's page downloaded when it is first visited (the router's `lazy`): a phone loads the pages
 * of the space it opens, not every page of the service; each page is its own chunk, the code they
 * share in common ones. `name` is the page's export.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}
