import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { api, asApiError, candidateLinkPath, type PersonalData, type SecretQuestion } from '../api.ts';
import { CandidateFrame, SPACE_SEGMENTS } from '../components/CandidateFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { OtherAddressesSection } from '../components/OtherAddressesSection.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatCalendarDate } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { type LoginForm, useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes données personnelles';
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
    <CandidateFrame title={TITLE} segments={SPACE_SEGMENTS}>
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
      <OtherAddressesSection franceConnect={data.franceConnect} />
      <EmailSection data={data} reload={reload} />
      <MobileSection data={data} reload={reload} />
      <PasswordSection key={String(data.hasPassword)} data={data} reload={reload} />
      <SecretQuestionSection key={`q${data.hasPassword}`} data={data} />
      <section aria-labelledby="telecharger" className="fr-mb-6w">
        <h2 id="telecharger">Télécharger mes données</h2>
        <p>Toutes les données que le service garde de vous : compte, identité, demandes et messages (fichier JSON).</p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={candidateLinkPath('personalDataExport', {})}
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

/** The code's field: `useLoginForm` names it from its prefix `mobile` and the field `code`. */
const CODE_FIELD = 'mobile-code';

/** "0712345678" or "+33712345678" → "07 12 34 56 78". */
function displayMobile(mobile: string): string {
  const national = mobile.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : mobile;
}

/**
 * A new number changes only once the code SMSed to it is typed back (issue 35): after « Modifier
 * le numéro », the code's field, « Confirmer » and « Renvoyer un code ». What the last action
 * said is shown above the forms; focus goes to the field to fix, else to the code's field after a
 * code is sent, else to the message (a confirmed number, a refusal no field carries).
 */
function MobileSection({ data, reload }: { data: PersonalData; reload: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [last, setLast] = useState<'mobile' | 'code' | 'resend' | null>(null);
  const [focus, setFocus] = useState<{ to: 'message' | 'code' } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const pending = data.pendingMobile;

  /** Each action's message replaces the previous one's. */
  const submitted =
    (action: 'mobile' | 'code' | 'resend', onSubmit: (event: FormEvent<HTMLFormElement>) => void) =>
    (event: FormEvent<HTMLFormElement>) => {
      setLast(action);
      setNotice(null);
      onSubmit(event);
    };
  /** A refusal no field carries is read at once; one saying the code is gone hides the code's form. */
  const refused = (caught: unknown) => {
    const error = asApiError(caught);
    if (error.fields.length === 0) setFocus({ to: 'message' });
    if (error.status === 410 && error.fields.length === 0) reload();
    return error;
  };
  const codeSent = (answer: Awaited<ReturnType<typeof api.changeMobile>>) => {
    codeForm.setValue('code', '');
    if ('message' in answer) {
      setNotice(answer.message);
      setFocus({ to: 'code' });
    }
    reload();
  };

  const form = useLoginForm({
    idPrefix: 'mobile',
    initial: { mobile: data.mobile },
    requiredMessages: { mobile: 'Saisissez votre numéro de téléphone portable.' },
    submit: async (values) => {
      try {
        codeSent(await api.changeMobile(values));
      } catch (caught) {
        throw refused(caught);
      }
    },
  });
  const codeForm = useLoginForm({
    idPrefix: 'mobile',
    initial: { code: '' },
    requiredMessages: { code: 'Saisissez le code à 6 chiffres reçu par SMS.' },
    submit: async (values) => {
      try {
        const { mobile } = await api.confirmMobileChange(values);
        form.setValue('mobile', mobile);
        codeForm.setValue('code', '');
        setNotice(
          `Votre numéro de téléphone portable est désormais le ${displayMobile(mobile)} : les SMS du service y seront envoyés.`,
        );
        setFocus({ to: 'message' });
        reload();
      } catch (caught) {
        throw refused(caught);
      }
    },
  });
  const resend = useLoginForm<never>({
    idPrefix: 'mobile-resend',
    initial: {},
    requiredMessages: {},
    submit: async () => {
      if (!pending) return;
      try {
        codeSent(await api.changeMobile({ mobile: pending }));
      } catch (caught) {
        throw refused(caught);
      }
    },
  });
  const error = last && { mobile: form, code: codeForm, resend }[last].error;

  useEffect(() => {
    // The code's field shows once the page knows the pending number: tried again then.
    void pending;
    if (!focus) return;
    const target = focus.to === 'message' ? messageRef.current : document.getElementById(CODE_FIELD);
    if (target) {
      target.focus();
      setFocus(null);
    }
  }, [focus, pending]);

  return (
    <section aria-labelledby="portable" className="fr-mb-6w">
      <h2 id="portable">Mon téléphone portable</h2>
      <div ref={messageRef} tabIndex={-1} style={{ outline: 'none' }}>
        {notice && <Alert className="fr-mb-2w" severity="success" small role="status" description={notice} />}
        {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      </div>
      <p>
        Numéro actuel : <strong>{data.mobile ? displayMobile(data.mobile) : 'aucun'}</strong>
        {pending && ` — en attente de confirmation : ${displayMobile(pending)}`}
      </p>
      <form onSubmit={submitted('mobile', form.onSubmit)} noValidate aria-busy={form.submitting}>
        <Input
          label="Téléphone portable *"
          hintText="Un numéro français en 06 ou 07, par exemple 06 12 34 56 78. Un code lui sera envoyé par SMS : le numéro change une fois ce code saisi."
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
        <Button type="submit">Modifier le numéro</Button>
      </form>
      {pending && (
        <>
          <form
            className="fr-mt-4w"
            onSubmit={submitted('code', codeForm.onSubmit)}
            noValidate
            aria-busy={codeForm.submitting}
          >
            <Input
              label="Code reçu par SMS *"
              hintText={`Le code à 6 chiffres envoyé au ${displayMobile(pending)}, valable 10 minutes.`}
              state={codeForm.fieldErrors.code ? 'error' : 'default'}
              stateRelatedMessage={codeForm.fieldErrors.code}
              nativeInputProps={{
                id: CODE_FIELD,
                inputMode: 'numeric',
                autoComplete: 'one-time-code',
                maxLength: 6,
                required: true,
                value: codeForm.values.code,
                onChange: (event) => codeForm.setValue('code', event.target.value),
              }}
            />
            <Button type="submit">Confirmer</Button>
          </form>
          <form
            className="fr-mt-2w"
            onSubmit={submitted('resend', resend.onSubmit)}
            noValidate
            aria-busy={resend.submitting}
          >
            <p className="fr-text--sm fr-mb-1w">Pas de SMS reçu, ou code expiré ?</p>
            <Button type="submit" priority="secondary">
              Renvoyer un code
            </Button>
          </form>
        </>
      )}
    </section>
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
        // One of the listed options; the service refuses any other, in French.
        secretQuestion: secretQuestion as SecretQuestion,
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
