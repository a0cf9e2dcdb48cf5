import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ProAccount, type ProUserView } from '../api.ts';
import { PageFrame, SessionLoading } from '../components/PageFrame.tsx';
import { Panel } from '../components/Panel.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Comptes de l'établissement";

const STATUS: Record<ProUserView['status'], { label: string; severity: 'success' | 'info' | 'error' }> = {
  active: { label: 'Actif', severity: 'success' },
  invited: { label: 'Invitation envoyée', severity: 'info' },
  disabled: { label: 'Désactivé', severity: 'error' },
};

/**
 * « Comptes de l'établissement »: who is signed in, and for the agrément's manager its users (one
 * login each): invite a person by mail, send the invitation again, disable or enable an access.
 */
export function ProUsersPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'pro') return <RedirectToLogin to="/pro/connexion" session={session} />;
  const { account } = session;

  return (
    <PageFrame title={TITLE} segments={[{ label: 'Espace professionnel', linkProps: { to: '/pro' } }]}>
      <section aria-labelledby="votre-acces" className="fr-mb-6w">
        <Panel className="fr-p-4w">
          <h2 id="votre-acces" className="fr-h4">
            Votre accès
          </h2>
          <SummaryList
            items={[
              { label: 'Établissement', value: account.schoolName },
              { label: "Numéro d'agrément Cerfa", value: account.agrementNumber },
              { label: 'Nom', value: `${account.firstName} ${account.lastName}`.trim() || '—' },
              { label: 'Identifiant', value: account.login },
              { label: 'Adresse électronique', value: account.email },
              { label: 'Rôle', value: account.manager ? 'Gestionnaire du compte' : 'Utilisateur' },
            ]}
          />
          <p className="fr-mt-2w fr-mb-0">
            <Link className="fr-link" to="/pro/compte/mot-de-passe">
              Modifier le mot de passe
            </Link>
          </p>
        </Panel>
      </section>
      {account.manager ? (
        <ManagedUsers me={account} />
      ) : (
        <p>Le gestionnaire du compte de votre établissement ajoute et désactive les accès de ses utilisateurs.</p>
      )}
    </PageFrame>
  );
}

function ManagedUsers({ me }: { me: ProAccount }) {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const users = useApiData('users', () => api.proUsers(), { version });
  const act = async (user: ProUserView, action: 'invitation' | 'disable' | 'enable') => {
    setError(null);
    setNotice(null);
    try {
      await api.proUserAction(user.id, action);
      const name = `${user.firstName} ${user.lastName}`;
      setNotice(
        action === 'invitation'
          ? `Une nouvelle invitation a été envoyée à ${user.email}.`
          : action === 'disable'
            ? `L'accès de ${name} est désactivé : ses sessions sont fermées et les jetons de son logiciel révoqués.`
            : `L'accès de ${name} est réactivé.`,
      );
      setVersion((v) => v + 1);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <>
      <section aria-labelledby="utilisateurs" className="fr-mb-6w">
        <h2 id="utilisateurs">Utilisateurs de l'agrément {me.agrementNumber}</h2>
        <p>
          Chaque personne de l'établissement se connecte avec son propre identifiant ; l'historique de chaque demande
          indique qui a fait quoi.
        </p>
        {notice && <Alert className="fr-mb-2w" severity="success" small role="status" description={notice} />}
        {(error || users.status === 'error') && (
          <Alert className="fr-mb-2w" severity="error" small description={error ?? users.error?.message ?? ''} />
        )}
        {users.data && (
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Utilisateurs de l'établissement</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Identifiant</th>
                  <th scope="col">Adresse électronique</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">État</th>
                  <th scope="col">Dernière connexion</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((user) => {
                  const name = `${user.firstName} ${user.lastName}`.trim() || user.login;
                  return (
                    <tr key={user.id}>
                      <td>
                        {name}
                        {user.you && ' (vous)'}
                      </td>
                      <td>{user.login}</td>
                      <td>{user.email}</td>
                      <td>{user.manager ? 'Gestionnaire' : 'Utilisateur'}</td>
                      <td>
                        <Badge small noIcon severity={STATUS[user.status].severity}>
                          {STATUS[user.status].label}
                        </Badge>
                      </td>
                      <td>{user.lastLoginAt ? formatParisDateTime(user.lastLoginAt) : 'Jamais'}</td>
                      <td>
                        {!user.you && (
                          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                            {user.status === 'invited' && (
                              <li>
                                <Button
                                  priority="secondary"
                                  size="small"
                                  nativeButtonProps={{ 'aria-label': `Renvoyer l'invitation à ${name}` }}
                                  onClick={() => act(user, 'invitation')}
                                >
                                  Renvoyer l'invitation
                                </Button>
                              </li>
                            )}
                            <li>
                              {user.status === 'disabled' ? (
                                <Button
                                  priority="secondary"
                                  size="small"
                                  nativeButtonProps={{ 'aria-label': `Réactiver l'accès de ${name}` }}
                                  onClick={() => act(user, 'enable')}
                                >
                                  Réactiver
                                </Button>
                              ) : (
                                <Button
                                  priority="tertiary"
                                  size="small"
                                  nativeButtonProps={{ 'aria-label': `Désactiver l'accès de ${name}` }}
                                  onClick={() => act(user, 'disable')}
                                >
                                  Désactiver
                                </Button>
                              )}
                            </li>
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InviteUser
        onInvited={(user) => {
          setError(null);
          setNotice(
            `${user.firstName} ${user.lastName} est invité(e) : un lien pour choisir son mot de passe a été envoyé à ${user.email}.`,
          );
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}

type Field = 'firstName' | 'lastName' | 'login' | 'email';
const FIELDS: { field: Field; label: string; hint?: string; autoComplete: string; type?: string }[] = [
  { field: 'firstName', label: 'Prénom', autoComplete: 'off' },
  { field: 'lastName', label: 'Nom', autoComplete: 'off' },
  {
    field: 'login',
    label: 'Identifiant',
    hint: 'De 3 à 40 caractères : lettres sans accent, chiffres, point, tiret. Il sert à se connecter avec votre agrément.',
    autoComplete: 'off',
  },
  {
    field: 'email',
    label: 'Adresse électronique',
    hint: 'Le lien pour choisir son mot de passe y est envoyé.',
    autoComplete: 'off',
    type: 'email',
  },
];

function InviteUser({ onInvited }: { onInvited: (user: ProUserView) => void }) {
  const form = useLoginForm<Field>({
    idPrefix: 'pro-user',
    initial: { firstName: '', lastName: '', login: '', email: '' },
    requiredMessages: {
      firstName: 'Indiquez le prénom.',
      lastName: 'Indiquez le nom.',
      login: "Choisissez l'identifiant.",
      email: "Indiquez l'adresse électronique.",
    },
    submit: async (values) => {
      const { user } = await api.inviteProUser(values);
      for (const { field } of FIELDS) form.setValue(field, '');
      onInvited(user);
    },
  });
  return (
    <section aria-labelledby="ajouter-utilisateur">
      <Panel className="fr-p-4w">
        <h2 id="ajouter-utilisateur" className="fr-h4">
          Ajouter un utilisateur
        </h2>
        {form.error && <Alert className="fr-mb-2w" severity="error" small description={form.error} />}
        <form onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
          <p className="fr-hint-text">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
          {FIELDS.map((entry) => (
            <Input
              key={entry.field}
              label={`${entry.label} *`}
              hintText={entry.hint}
              state={form.fieldErrors[entry.field] ? 'error' : 'default'}
              stateRelatedMessage={form.fieldErrors[entry.field]}
              nativeInputProps={{
                id: form.inputId(entry.field),
                name: entry.field,
                required: true,
                type: entry.type ?? 'text',
                autoComplete: entry.autoComplete,
                value: form.values[entry.field],
                onChange: (event) => form.setValue(entry.field, event.target.value),
              }}
            />
          ))}
          <Button type="submit" disabled={form.submitting}>
            Envoyer l'invitation
          </Button>
        </form>
      </Panel>
    </section>
  );
}
