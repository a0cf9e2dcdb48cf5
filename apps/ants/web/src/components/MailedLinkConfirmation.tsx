import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ReactNode, useState } from 'react';
import { asApiError } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { CandidateFrame } from './CandidateFrame.tsx';

/**
 * The page of a link mailed to an address (new email, other address to attach). Opening it changes
 * nothing (a mail scanner may follow links): the person confirms with the button. No session
 * needed: the link is the proof. `describe` says what the button will do, `done` what it did.
 */
export function MailedLinkConfirmation<Link, Result>({
  title,
  token,
  load,
  confirm,
  confirmLabel,
  describe,
  done,
}: {
  title: string;
  token: string;
  load: (token: string) => Promise<Link>;
  confirm: (token: string) => Promise<Result>;
  confirmLabel: string;
  describe: (link: Link) => ReactNode;
  done: (result: Result) => ReactNode;
}) {
  usePageTitle(title);
  const link = useApiData(`${title}-${token}`, () => load(token));
  const [result, setResult] = useState<{ value: Result } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const onConfirm = async () => {
    setSending(true);
    setError(null);
    try {
      setResult({ value: await confirm(token) });
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <CandidateFrame title={title}>
      {link.status === 'loading' && <p role="status">Chargement…</p>}
      {link.status === 'error' && !result && <Alert severity="error" small description={link.error.message} />}
      {result
        ? done(result.value)
        : link.data && (
            <>
              {describe(link.data)}
              {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
              <Button onClick={onConfirm} disabled={sending}>
                {confirmLabel}
              </Button>
            </>
          )}
    </CandidateFrame>
  );
}
