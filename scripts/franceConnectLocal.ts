import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A local OpenID provider standing in for FranceConnect in `npm start` and the browser tests
 * (oidc-provider, certified): authorisation code with PKCE, FranceConnect's scopes and claims (the
 * identity pivot), signed ID tokens, logout through the provider. Its sign-in page lists demo
 * identities instead of asking an identity provider; it is never part of a production system.
 */
export type DemoIdentity = {
  sub: string;
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD, as FranceConnect gives it. */
  birthdate: string;
  gender: 'male' | 'female';
  /** INSEE code of the birth commune; empty when born abroad. */
  birthplace: string;
  /** INSEE code of the birth country, 99100 for France. */
  birthcountry: string;
  email: string;
  /** Why this identity is listed (README, the sign-in page). */
  note: string;
};

export const DEMO_FRANCECONNECT_IDENTITIES: DemoIdentity[] = [
  {
    sub: 'fc-demo-eric-renaud',
    given_name: 'Eric Jean',
    family_name: 'RENAUD',
    birthdate: '2004-04-12',
    gender: 'male',
    birthplace: '35238',
    birthcountry: '99100',
    email: 'eric.renaud@franceconnect.localhost',
    note: 'né à Rennes : retrouve la demande que son école a faite à ce nom',
  },
  {
    sub: 'fc-demo-lucas-petit',
    given_name: 'Lucas',
    family_name: 'PETIT',
    birthdate: '2006-01-20',
    gender: 'male',
    birthplace: '90010',
    birthcountry: '99100',
    email: 'lucas.petit@franceconnect.localhost',
    note: 'né à Belfort',
  },
  {
    sub: 'fc-demo-amina-diallo',
    given_name: 'Amina Fatou',
    family_name: 'DIALLO',
    birthdate: '2005-09-02',
    gender: 'female',
    birthplace: '',
    birthcountry: '99341',
    email: 'amina.diallo@franceconnect.localhost',
    note: 'née au Sénégal, sans compte : candidate libre',
  },
  {
    sub: 'fc-demo-chloe-moreau',
    given_name: 'Chloé',
    family_name: 'MOREAU',
    birthdate: '2004-11-03',
    gender: 'female',
    birthplace: '69383',
    birthcountry: '99100',
    email: 'chloe.moreau@franceconnect.localhost',
    note: 'née à Lyon 3e arrondissement',
  },
];

/** The national service's registration with the local provider (the same in `npm start` and tests). */
export const LOCAL_FRANCECONNECT_CLIENT = { clientId: 'permis-ants-local', clientSecret: 'permis-ants-local-secret' };

export type LocalFranceConnect = { issuer: string; stop(): Promise<void> };

const PIVOT_CLAIMS = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'] as const;

/** `port` 0: any free port (tests); the issuer says which. */
export async function startLocalFranceConnect(options: { port: number; antsUrl: string }): Promise<LocalFranceConnect> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local', use: 'sig', alg: 'RS256' };
  const identities = new Map(DEMO_FRANCECONNECT_IDENTITIES.map((i) => [i.sub, i]));

  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_FRANCECONNECT_CLIENT.clientId,
        client_secret: LOCAL_FRANCECONNECT_CLIENT.clientSecret,
        client_name: 'Permis de conduire en ligne',
        redirect_uris: [`${options.antsUrl}/api/candidate/franceconnect/callback`],
        post_logout_redirect_uris: [`${options.antsUrl}/monespace/connexion?deconnexion=1`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    // FranceConnect's scopes are its claims' names.
    claims: {
      openid: ['sub'],
      email: ['email'],
      ...Object.fromEntries(PIVOT_CLAIMS.map((claim) => [claim, [claim]])),
    },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          const { note: _note, ...claims } = identity;
          return claims;
        },
      };
    },
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Erreur', `<h1>Erreur FranceConnect (démonstration)</h1><p>${html(String(out.error))}</p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const oidc = provider.callback();

  handle = (req, res) => {
    const match = req.url?.match(/^\/interaction\/([\w-]+)(\/choose)?$/);
    if (!match) return oidc(req, res);
    interaction(provider, identities, req, res, Boolean(match[2])).catch((error) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Erreur', `<h1>Connexion impossible</h1><p>${html(String(error?.message ?? error))}</p>`));
    });
  };
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The sign-in page (choose a demo identity), then the consent granted for what was asked. */
async function interaction(
  provider: Provider,
  identities: Map<string, DemoIdentity>,
  req: IncomingMessage,
  res: ServerResponse,
  chosen: boolean,
) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (chosen && req.method === 'POST') {
      const sub = new URLSearchParams(await body(req)).get('sub') ?? '';
      if (!identities.has(sub)) throw new Error('Identité inconnue.');
      return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    }
    const choices = [...identities.values()]
      .map(
        (i, n) => `<li><button type="submit" name="sub" value="${html(i.sub)}"${n === 0 ? ' autofocus' : ''}>
          ${html(`${i.given_name} ${i.family_name}`)}</button> <span>${html(i.note)}</span></li>`,
      )
      .join('');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(
        'Je choisis une identité — FranceConnect (démonstration)',
        `<h1>FranceConnect (démonstration locale)</h1>
        <p>Choisissez l'identité avec laquelle vous connecter. Ces identités sont fictives.</p>
        <form method="post" action="/interaction/${html(details.uid)}/choose"><ul>${choices}</ul></form>`,
      ),
    );
    return;
  }
  // Consent: FranceConnect shows what it transmits and the user continues; granted here as asked.
  const { session, params, prompt } = details;
  const grant = new provider.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });
  const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 10_000) req.destroy(new Error('Requête trop longue.'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

async function logoutSource(ctx: { body: unknown }, form: string) {
  ctx.body = page(
    'Déconnexion — FranceConnect (démonstration)',
    `<h1>Déconnexion de FranceConnect</h1>${form}
    <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Se déconnecter</button>
    <script>document.querySelector('button[name=logout]').click()</script>`,
  );
}

async function postLogoutSuccessSource(ctx: { body: unknown }) {
  ctx.body = page('Déconnecté — FranceConnect (démonstration)', '<h1>Vous êtes déconnecté de FranceConnect.</h1>');
}

function page(title: string, content: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${html(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616}
ul{list-style:none;padding:0}li{margin:.75rem 0}button{font:inherit;padding:.5rem 1rem;background:#000091;color:#fff;border:0;cursor:pointer}
button:focus{outline:3px solid #0a76f6;outline-offset:2px}span{color:#3a3a3a}</style></head>
<body><main>${content}</main></body></html>`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
