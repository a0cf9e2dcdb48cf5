import path from 'node:path';
import { DEMO_AGENTS, DEMO_EPHOTO_CODES, DEMO_PRO_ACCOUNTS } from '../apps/ants/src/seed/demo.ts';
import { DEMO_SCHOOL_USERS } from '../apps/school/src/seed/demo.ts';
import { DEMO_FRANCECONNECT_IDENTITIES } from './franceConnectLocal.ts';
import { ensurePageBuilt } from './pages.ts';
import { pinnedNodeBinary, runtimeLabel } from './runtime.ts';
import { startSystem } from './system.ts';

/** `npm start`: builds the pages when their sources changed, then starts everything with demo data. */
const root = path.resolve(import.meta.dirname, '..');
pinnedNodeBinary(); // refuses to start on another Node than the pinned one

// The pages are rebuilt only when their sources changed; a failed build stops here with its error.
for (const app of ['ants', 'school']) {
  await ensurePageBuilt({
    appDir: path.join(root, `apps/${app}`),
    onBuild: () => console.log(`Construction de la page web de « ${app} »…`),
  });
}

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const system = await startSystem({
  dataDir: path.resolve(root, process.env.DATA_DIR ?? 'data'),
  antsPort: port('ANTS_PORT', 3100),
  schoolPort: port('SCHOOL_PORT', 3200),
  smtpPort: port('SMTP_PORT', 1025),
  mailWebPort: port('MAIL_WEB_PORT', 1080),
  franceConnectPort: port('FRANCECONNECT_PORT', 3300),
  seedDemo: process.env.SEED_DEMO !== '0',
  logLevel: process.env.LOG_LEVEL ?? 'warn',
  antsDatabaseUrl: process.env.ANTS_DATABASE_URL,
  schoolDatabaseUrl: process.env.SCHOOL_DATABASE_URL,
});

const school = DEMO_SCHOOL_USERS.map((u) => `    ${u.login.padEnd(12)} ${u.password.padEnd(20)} ${u.role}`).join('\n');
const pros = DEMO_PRO_ACCOUNTS.flatMap((a) =>
  a.users.map(
    (u) => `    ${a.agrementNumber}  ${u.login.padEnd(12)} ${u.password.padEnd(20)} ${u.manager ? 'gestionnaire' : ''}`,
  ),
).join('\n');
const franceConnectIdentities = DEMO_FRANCECONNECT_IDENTITIES.map(
  (i) => `    ${`${i.given_name} ${i.family_name}`.padEnd(20)} ${i.note}`,
).join('\n');
const agents = DEMO_AGENTS.map((a) => `    ${a.login.padEnd(12)} ${a.password}`).join('\n');
console.log(`
Le système est démarré (${runtimeLabel()}).

  Auto-école (back office)     ${system.urls.school}
${school}

  Service national (ANTS)      ${system.urls.ants}
    Espace professionnel (agrément, identifiant, mot de passe) :
${pros}
    Console d'instruction (identifiant, mot de passe) :
${agents}
    Codes ePhoto de démonstration : ${DEMO_EPHOTO_CODES.join(', ')}
    API professionnelle (OpenAPI) : ${system.urls.ants}/api/pro/docs

    FranceConnect (fournisseur local, identités fictives) : ${system.urls.franceConnect}
${franceConnectIdentities}

  Courriels envoyés (maildev)  ${system.urls.mail}
  SMS envoyés (développement)  ${system.urls.ants}/dev/sms

Ctrl+C pour arrêter.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await system.stop();
    process.exit(0);
  });
}
