import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { LOGIN_SEGMENT } from '../components/CandidateFrame.tsx';
import { LoginFormFrame } from '../components/LoginFormFrame.tsx';
import { useLoginForm } from '../useLoginForm.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mot de passe oublié';

type Way = 'mail' | 'question';

/**
 * "Mot de passe oublié ?": the candidate gives the identifier, then either receives a link by mail
 * or answers the secret question chosen at activation. Both end in the link mailed to the account's
 * address (decision 0016): a question someone close may answer never opens the account by itself.
 */
export function CandidateForgottenPasswordPage() {
  usePageTitle(TITLE);
  const [notice, setNotice] = useState<string | null>(null);
  const [question, setQuestion] = useState<{ loginId: string; text: string } | null>(null);
  const choose = useLoginForm({
    idPrefix: 'forgotten-password',
    initial: { loginId: '', way: 'mail' },
    requiredMessages: {
      loginId: 'Saisissez votre identifiant.',
      way: 'Choisissez comment changer votre mot de passe.',
    },
    submit: async ({ loginId, way }) => {
      if ((way as Way) === 'mail') setNotice((await api.passwordResetLink(loginId)).message);
      else setQuestion({ loginId, text: (await api.secretQuestion(loginId)).question });
    },
  });

  if (question) {
    return (
      <SecretQuestionForm
        loginId={question.loginId}
        question={question.text}
        onSent={(message) => {
          setQuestion(null);
          setNotice(message);
        }}
      />
    );
  }

  return (
    <LoginFormFrame
      title={TITLE}
      segments={[LOGIN_SEGMENT]}
      intro={
        <p className="fr-mb-0">
          Saisissez votre identifiant, puis choisissez comment définir un nouveau mot de passe.{' '}
          <Link to="/monespace/identifiant-oublie">Identifiant oublié ?</Link>
        </p>
      }
      legend="Changer mon mot de passe"
      notice={notice}
      error={choose.error}
      onSubmit={choose.onSubmit}
      submitting={choose.submitting}
      submitLabel="Continuer"
    >
      <div className="fr-fieldset__element">
        <Input
          label="Identifiant"
          state={choose.fieldErrors.loginId ? 'error' : 'default'}
          stateRelatedMessage={choose.fieldErrors.loginId}
          nativeInputProps={{
            id: choose.inputId('loginId'),
            name: 'loginId',
            required: true,
            autoComplete: 'username',
            autoCapitalize: 'none',
            spellCheck: false,
            value: choose.values.loginId,
            onChange: (event) => choose.setValue('loginId', event.target.value),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <RadioButtons
          id={choose.inputId('way')}
          legend="Comment souhaitez-vous procéder ?"
          options={[
            { label: 'Recevoir un lien par courriel', value: 'mail' },
            { label: 'Répondre à ma question secrète', value: 'question' },
          ].map(({ label, value }) => ({
            label,
            nativeInputProps: {
              name: 'way',
              value,
              checked: choose.values.way === value,
              onChange: () => choose.setValue('way', value),
            },
          }))}
        />
      </div>
    </LoginFormFrame>
  );
}

function SecretQuestionForm({
  loginId,
  question,
  onSent,
}: {
  loginId: string;
  question: string;
  onSent: (message: string) => void;
}) {
  const form = useLoginForm({
    idPrefix: 'secret-answer',
    initial: { secretAnswer: '' },
    requiredMessages: { secretAnswer: 'Indiquez la réponse à votre question secrète.' },
    clearOnFailure: ['secretAnswer'],
    submit: async ({ secretAnswer }) => {
      onSent((await api.answerSecretQuestion(loginId, secretAnswer)).message);
    },
  });
  return (
    <LoginFormFrame
      title={TITLE}
      segments={[LOGIN_SEGMENT]}
      intro={
        <p className="fr-mb-0">
          Répondez à la question secrète que vous avez choisie en activant votre compte : une bonne réponse vous envoie,
          à l’adresse électronique du compte, le lien pour choisir un nouveau mot de passe.
        </p>
      }
      legend="Ma question secrète"
      error={form.error}
      onSubmit={form.onSubmit}
      submitting={form.submitting}
      submitLabel="Valider ma réponse"
    >
      <div className="fr-fieldset__element">
        <Input
          label={question}
          state={form.fieldErrors.secretAnswer ? 'error' : 'default'}
          stateRelatedMessage={form.fieldErrors.secretAnswer}
          nativeInputProps={{
            id: form.inputId('secretAnswer'),
            name: 'secretAnswer',
            required: true,
            autoComplete: 'off',
            autoFocus: true,
            value: form.values.secretAnswer,
            onChange: (event) => form.setValue('secretAnswer', event.target.value),
          }}
        />
      </div>
    </LoginFormFrame>
  );
}
