import appleTouchIcon from '@codegouvfr/react-dsfr/favicon/apple-touch-icon.png?no-inline';
import faviconIco from '@codegouvfr/react-dsfr/favicon/favicon.ico?no-inline';
import faviconSvg from '@codegouvfr/react-dsfr/favicon/favicon.svg?no-inline';

/** The Marianne favicons shipped with the DSFR, served from the built assets (nothing fetched elsewhere). */
export function addFavicons() {
  const links: { rel: string; href: string; type?: string; sizes?: string }[] = [
    { rel: 'apple-touch-icon', href: appleTouchIcon },
    { rel: 'icon', href: faviconSvg, type: 'image/svg+xml' },
    { rel: 'shortcut icon', href: faviconIco, type: 'image/x-icon' },
  ];
  for (const { rel, href, type, sizes } of links) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (type) link.type = type;
    if (sizes) link.setAttribute('sizes', sizes);
    document.head.append(link);
  }
}
