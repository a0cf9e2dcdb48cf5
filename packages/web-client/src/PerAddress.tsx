import { Outlet, useLocation } from 'react-router';

/**
 * The routed page (an `<Outlet />`), drawn anew for each address: otherwise the router keeps the
 * same page when only a parameter changes (another demand, another student), and with it what was
 * typed, chosen or said about the previous one. A query string (`?etape=`) keeps the page.
 */
export function PerAddress() {
  return <Outlet key={useLocation().pathname} />;
}
