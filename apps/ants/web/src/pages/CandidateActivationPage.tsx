import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useNavigate, useParams } from 'react-router';
import { type ActivationInfo, api, type SecretQuestion, type Sex } from '../api.ts';
import { CandidateFrame } from '../components/CandidateFrame.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'VOUS Y ÊTES PRESQUE !';

/** The page of the activation link the candidate receives by email (seed 000). */
export function CandidateActivationPage() {
  usePageTitle('Activation de votre compte');
  const token = useParams().token ?? '';
  const link = useApiData(token, () => api.activation(token));

  if (link.status === 'loading') return <SessionLoading />;
  if (link.status === 'error') {
    return (
      <CandidateFrame title={TITLE}>
        <Alert severity="error" title="Activation impossible" description={link.error.message} />
      </CandidateFrame>
    );
  }
  return <ActivationForm token={token} info={link.data} />;
}

function ActivationForm({ token, info }: { token: string; info: ActivationInfo }) {
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const form = useLoginForm({
    idPrefix: 'activation',
    initial: { sex: info.sex, password: '', passwordConfirmation: '', secretQuestion: '', secretAnswer: '' },
    requiredMessages: {
      sex: 'Indiquez votre sexe.',
      password: 'Saisissez un mot de passe.',
      passwordConfirmation: 'Confirmez le mot de passe.',
      secretQuestion: 'Choisissez une question secrète dans la liste.',
      secretAnswer: 'Indiquez la réponse à votre question secrète.',
    },
    submit: async (values) => {
      // Both come from the page's own options; the service refuses any other, in French.
      const result = await api.activate(token, {
        ...values,
        sex: values.sex as Sex,
        secretQuestion: values.secretQuestion as SecretQuestion,
      });
      await signedIn(result.csrfToken);
      navigate('/monespace/demarches', {
        replace: true,
        state: {
          notice: `Votre identifiant de connexion : ${result.loginId} — il vous a aussi été envoyé par courriel.`,
        },
      });
    },
  });
  const { fieldErrors } = form;

  return (
    <CandidateFrame
      title={TITLE}
      welcome={
        <p className="fr-text--lead fr-mb-2w">
          Bienvenue {info.firstName} {info.lastName}
        </p>
      }
    >
      <p>Veillez compléter le formulaire ci-dessous:</p>
      {form.error && <Alert className="fr-mb-4w" severity="error" small description={form.error} />}
      <form onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        <p className="fr-hint-text">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
        <RadioButtons
          id={form.inputId('sex')}
          legend="Sexe *"
          orientation="horizontal"
          state={fieldErrors.sex ? 'error' : 'default'}
          stateRelatedMessage={fieldErrors.sex}
          options={[
            { label: 'Femme', value: 'F' },
            { label: 'Homme', value: 'M' },
          ].map(({ label, value }) => ({
            label,
            nativeInputProps: {
              name: 'sex',
              value,
              checked: form.values.sex === value,
              onChange: () => form.setValue('sex', value),
            },
          }))}
        />
        <NewPasswordFields form={form} />
        <Select
          label="Question secrète *"
          state={fieldErrors.secretQuestion ? 'error' : 'default'}
          stateRelatedMessage={fieldErrors.secretQuestion}
          nativeSelectProps={{
            id: form.inputId('secretQuestion'),
            name: 'secretQuestion',
            required: true,
            value: form.values.secretQuestion,
            onChange: (event) => form.setValue('secretQuestion', event.target.value),
          }}
        >
          <option value="" disabled>
            Sélectionnez une question
          </option>
          {info.secretQuestions.map((question) => (
            <option key={question} value={question}>
              {question}
            </option>
          ))}
        </Select>
        <Input
          label="Réponse à votre question secrète *"
          state={fieldErrors.secretAnswer ? 'error' : 'default'}
          stateRelatedMessage={fieldErrors.secretAnswer}
          nativeInputProps={{
            id: form.inputId('secretAnswer'),
            name: 'secretAnswer',
            required: true,
            autoComplete: 'off',
            value: form.values.secretAnswer,
            onChange: (event) => form.setValue('secretAnswer', event.target.value),
          }}
        />
        <Button type="submit">ME CONNECTER</Button>
      </form>
    </CandidateFrame>
  );
}
