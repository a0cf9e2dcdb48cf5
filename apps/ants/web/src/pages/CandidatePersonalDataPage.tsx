import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type ReactNode, useState } from 'react';
import { api, type PersonalData } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatCalendarDate } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { type LoginForm, useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes données personnelles';
const HOME = [{ label: 'Mon espace', linkProps: { to: '/monespace' } }];

/**
 * « Mes données personnelles »: the identity as the agency knows it (read only), then one form
 * per thing the candidate may change, each saying what it did, and the download of all their data.
 */
export function CandidatePersonalDataPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const data = useApiData('personal-data', api.personalData, { enabled: session.status === 'candidate' });

  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;

  return (
    <CandidateFrame title={TITLE} segments={HOME}>
      {data.status === 'loading' && <p role="status">Chargement…</p>}
      {data.status === 'error' && <Alert severity="error" small description={data.error.message} />}
      {data.data && <PersonalDataSections data={data.data} reload={data.reload} />}
    </CandidateFrame>
  );
}

function PersonalDataSections({ data, reload }: { data: PersonalData; reload: () => void }) {
  const { identity } = data;
  const birthPlace = identity.birthCity
    ? `${identity.birthCity}${identity.birthDepartment ? ` (${identity.birthDepartment})` : ''}, ${identity.birthCountry}`
    : identity.birthCountry;
  return (
    <>
      <section aria-labelledby="identite" className="fr-mb-6w">
        <h2 id="identite">Mon identité</h2>
        <SummaryList
          items={[
            { label: 'Sexe', value: identity.sex === 'F' ? 'Femme' : 'Homme' },
            { label: 'Nom de naissance', value: identity.birthName },
            ...(identity.usageName ? [{ label: "Nom d'usage", value: identity.usageName }] : []),
            {
              label: 'Prénom(s)',
              value: [identity.firstName, identity.otherFirstNames].filter(Boolean).join(' '),
            },
            { label: 'Date de naissance', value: formatCalendarDate(identity.birthDate) },
            { label: 'Lieu de naissance', value: birthPlace },
            { label: 'Identifiant de connexion', value: data.loginId ?? 'Aucun (connexion avec FranceConnect)' },
            ...(data.franceConnect
              ? [{ label: 'FranceConnect', value: 'Compte relié à votre identité FranceConnect' }]
              : []),
          ]}
        />
        <p className="fr-text--sm fr-mt-2w">
          Votre état civil ne se modifie pas ici : une erreur se corrige sur votre demande, avec la pièce d’identité qui
          la justifie (par votre école de conduite, ou par vous pour une demande que vous avez faite).
        </p>
      </section>
      <EmailSection data={data} reload={reload} />
      <MobileSection data={data} />
      <PasswordSection key={String(data.hasPassword)} data={data} reload={reload} />
      <SecretQuestionSection key={`q${data.hasPassword}`} data={data} />
      <section aria-labelledby="telecharger" className="fr-mb-6w">
        <h2 id="telecharger">Télécharger mes données</h2>
        <p>Toutes les données que le service garde de vous : compte, identité, demandes et messages (fichier JSON).</p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href="/api/candidate/personal-data/export"
          download
        >
          Télécharger mes données
        </a>
      </section>
    </>
  );
}

/** One section: its heading, what it did (role status), why it failed, its form. */
function Section<Field extends string>({
  id,
  title,
  form,
  notice,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  form: LoginForm<Field>;
  notice: string | null;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="fr-mb-6w">
      <h2 id={id}>{title}</h2>
      {notice && <Alert className="fr-mb-2w" severity="success" small role="status" description={notice} />}
      {form.error && <Alert className="fr-mb-2w" severity="error" small description={form.error} />}
      <form onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        {children}
        <Button type="submit">{submitLabel}</Button>
      </form>
    </section>
  );
}

function EmailSection({ data, reload }: { data: PersonalData; reload: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm({
    idPrefix: 'email',
    initial: { email: '' },
    requiredMessages: { email: 'Saisissez votre nouvelle adresse électronique.' },
    submit: async (values) => {
      setNotice((await api.requestEmailChange(values)).message);
      form.setValue('email', '');
      reload();
    },
  });
  return (
    <Section
      id="courriel"
      title="Mon adresse électronique"
      form={form}
      notice={notice}
      submitLabel="Modifier mon adresse"
    >
      <p>
        Adresse actuelle : <strong>{data.email}</strong>
        {data.pendingEmail && ` — en attente de confirmation : ${data.pendingEmail}`}
      </p>
      <Input
        label="Nouvelle adresse électronique *"
        hintText="Un lien de confirmation lui sera envoyé : l’adresse change une fois ce lien ouvert."
        state={form.fieldErrors.email ? 'error' : 'default'}
        stateRelatedMessage={form.fieldErrors.email}
        nativeInputProps={{
          id: form.inputId('email'),
          type: 'email',
          autoComplete: 'email',
          required: true,
          value: form.values.email,
          onChange: (event) => form.setValue('email', event.target.value),
        }}
      />
    </Section>
  );
}

function MobileSection({ data }: { data: PersonalData }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm({
    idPrefix: 'mobile',
    initial: { mobile: data.mobile },
    requiredMessages: { mobile: 'Saisissez votre numéro de téléphone portable.' },
    submit: async (values) => {
      const saved = await api.changeMobile(values);
      form.setValue('mobile', saved.mobile);
      setNotice('Votre numéro de téléphone portable est enregistré : les SMS du service y seront envoyés.');
    },
  });
  return (
    <Section
      id="portable"
      title="Mon téléphone portable"
      form={form}
      notice={notice}
      submitLabel="Enregistrer le numéro"
    >
      <Input
        label="Téléphone portable *"
        hintText="Un numéro français en 06 ou 07, par exemple 06 12 34 56 78."
        state={form.fieldErrors.mobile ? 'error' : 'default'}
        stateRelatedMessage={form.fieldErrors.mobile}
        nativeInputProps={{
          id: form.inputId('mobile'),
          type: 'tel',
          autoComplete: 'tel',
          required: true,
          value: form.values.mobile,
          onChange: (event) => form.setValue('mobile', event.target.value),
        }}
      />
    </Section>
  );
}

function CurrentPassword({ form }: { form: LoginForm<'currentPassword'> }) {
  return (
    <PasswordInput
      className="fr-mb-3w"
      label="Mot de passe actuel *"
      messages={
        form.fieldErrors.currentPassword ? [{ severity: 'error', message: form.fieldErrors.currentPassword }] : []
      }
      nativeInputProps={{
        id: form.inputId('currentPassword'),
        name: 'currentPassword',
        required: true,
        autoComplete: 'current-password',
        value: form.values.currentPassword,
        onChange: (event) => form.setValue('currentPassword', event.target.value),
      }}
    />
  );
}

/** With a password already, the current one first; an account FranceConnect alone opened sets its first. */
function PasswordSection({ data, reload }: { data: PersonalData; reload: () => void }) {
  const { signedIn } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm<'currentPassword' | 'password' | 'passwordConfirmation'>({
    idPrefix: 'new-password',
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    requiredMessages: {
      ...(data.hasPassword ? { currentPassword: 'Saisissez votre mot de passe actuel.' } : {}),
      password: 'Saisissez un mot de passe.',
      passwordConfirmation: 'Confirmez le mot de passe.',
    } as Record<'currentPassword' | 'password' | 'passwordConfirmation', string>,
    submit: async ({ currentPassword, password, passwordConfirmation }) => {
      const result = await api.changeCandidatePassword({
        currentPassword: data.hasPassword ? currentPassword : undefined,
        password,
        passwordConfirmation,
      });
      await signedIn(result.csrfToken);
      for (const field of ['currentPassword', 'password', 'passwordConfirmation'] as const) form.setValue(field, '');
      setNotice(
        data.hasPassword
          ? 'Votre mot de passe a été modifié. Vos autres sessions sont fermées.'
          : `Votre mot de passe est enregistré : vous pouvez aussi vous connecter avec l’identifiant ${result.loginId}.`,
      );
      if (!data.hasPassword) reload();
    },
  });
  return (
    <Section
      id="mot-de-passe"
      title="Mon mot de passe"
      form={form}
      notice={notice}
      submitLabel={data.hasPassword ? 'Modifier le mot de passe' : 'Créer mon mot de passe'}
    >
      {data.hasPassword && <CurrentPassword form={form} />}
      <NewPasswordFields form={form} />
    </Section>
  );
}

function SecretQuestionSection({ data }: { data: PersonalData }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useLoginForm<'currentPassword' | 'secretQuestion' | 'secretAnswer'>({
    idPrefix: 'secret',
    initial: { currentPassword: '', secretQuestion: data.secretQuestion ?? '', secretAnswer: '' },
    requiredMessages: {
      ...(data.hasPassword ? { currentPassword: 'Saisissez votre mot de passe actuel.' } : {}),
      secretQuestion: 'Choisissez une question secrète dans la liste.',
      secretAnswer: 'Indiquez la réponse à votre question secrète.',
    } as Record<'currentPassword' | 'secretQuestion' | 'secretAnswer', string>,
    submit: async ({ currentPassword, secretQuestion, secretAnswer }) => {
      await api.changeSecretQuestion({
        currentPassword: data.hasPassword ? currentPassword : undefined,
        secretQuestion,
        secretAnswer,
      });
      form.setValue('currentPassword', '');
      form.setValue('secretAnswer', '');
      setNotice('Votre question secrète est enregistrée.');
    },
  });
  return (
    <Section
      id="question"
      title="Ma question secrète"
      form={form}
      notice={notice}
      submitLabel="Enregistrer la question"
    >
      <p className="fr-text--sm">
        Elle vous permet de retrouver l’accès à votre compte si vous oubliez votre mot de passe.
      </p>
      {data.hasPassword && <CurrentPassword form={form} />}
      <Select
        label="Question secrète *"
        state={form.fieldErrors.secretQuestion ? 'error' : 'default'}
        stateRelatedMessage={form.fieldErrors.secretQuestion}
        nativeSelectProps={{
          id: form.inputId('secretQuestion'),
          required: true,
          value: form.values.secretQuestion,
          onChange: (event) => form.setValue('secretQuestion', event.target.value),
        }}
      >
        <option value="" disabled>
          Choisissez une question
        </option>
        {data.secretQuestions.map((question) => (
          <option key={question} value={question}>
            {question}
          </option>
        ))}
      </Select>
      <Input
        label="Réponse à votre question secrète *"
        state={form.fieldErrors.secretAnswer ? 'error' : 'default'}
        stateRelatedMessage={form.fieldErrors.secretAnswer}
        nativeInputProps={{
          id: form.inputId('secretAnswer'),
          required: true,
          autoComplete: 'off',
          value: form.values.secretAnswer,
          onChange: (event) => form.setValue('secretAnswer', event.target.value),
        }}
      />
    </Section>
  );
}
