import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useState } from 'react';
import { api, type CandidateMessage } from '../api.ts';
import { CandidateFrame, SPACE_SEGMENTS } from '../components/CandidateFrame.tsx';
import { SessionLoading } from '../components/PageFrame.tsx';
import { RedirectToLogin } from '../components/RedirectToLogin.tsx';
import { formatParisDateTime } from '../formatDate.ts';
import { useSession } from '../session.tsx';
import { useApiData } from '../useApiData.ts';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = 'Mes messages';
/** « Mes messages »: every news of the candidate's demands, newest first; opening one reads it. */
export function CandidateMessagesPage() {
  usePageTitle(TITLE);
  const { session } = useSession();
  const list = useApiData('messages', api.candidateMessages, { enabled: session.status === 'candidate' });
  if (session.status === 'loading') return <SessionLoading />;
  if (session.status !== 'candidate') return <RedirectToLogin to="/monespace/connexion" session={session} />;
  return (
    <CandidateFrame title={TITLE} segments={SPACE_SEGMENTS}>
      {list.status === 'loading' && <p role="status">Chargement…</p>}
      {list.status === 'error' && <Alert severity="error" small description={list.error.message} />}
      {list.status === 'ready' &&
        (list.data.messages.length === 0 ? (
          <p>Vous n'avez aucun message.</p>
        ) : (
          <Inbox messages={list.data.messages} unread={list.data.unread} />
        ))}
    </CandidateFrame>
  );
}

function Inbox({ messages, unread: initialUnread }: { messages: CandidateMessage[]; unread: number }) {
  const [read, setRead] = useState(() => new Set(messages.filter((m) => m.read).map((m) => m.id)));
  const [open, setOpen] = useState<string | null>(null);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (message: CandidateMessage) => {
    setOpen(open === message.id ? null : message.id);
    if (read.has(message.id)) return;
    try {
      setUnread((await api.readCandidateMessage(message.id)).unread);
      setRead(new Set([...read, message.id]));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <>
      <p role="status">{unread === 0 ? 'Aucun message non lu.' : `${unread} message(s) non lu(s).`}</p>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      <ul className="fr-raw-list">
        {messages.map((message) => {
          const panel = `message-${message.id}`;
          const isRead = read.has(message.id);
          return (
            <li
              key={message.id}
              className="fr-mb-2w fr-p-2w"
              style={{ border: '1px solid var(--border-default-grey)' }}
            >
              <h2 className="fr-h6 fr-mb-1w">
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary-no-outline fr-px-0"
                  aria-expanded={open === message.id}
                  aria-controls={panel}
                  onClick={() => void toggle(message)}
                >
                  {isRead ? message.subject : <strong>{message.subject}</strong>}
                </button>
              </h2>
              <p className="fr-text--sm fr-mb-0">
                {formatParisDateTime(message.at)}
                {message.applicationNumber && ` — demande n° ${message.applicationNumber}`}{' '}
                {!isRead && (
                  <Badge small severity="new" noIcon>
                    Non lu
                  </Badge>
                )}
              </p>
              <div id={panel} hidden={open !== message.id}>
                {message.body.split('\n').map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one fixed text.
                  <p key={i} className="fr-mt-1w fr-mb-0">
                    {line}
                  </p>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
