import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { inStateSet, type PieceStatus } from '@permis/ants-api';
import { MAX_PIECE_COMMENT_LENGTH } from '@permis/referentiel';
import { type FormEvent, useState } from 'react';
import { asApiError, type PiecesDoor, PRO_PIECES } from '../api.ts';
import { useApiData } from '../useApiData.ts';

/**
 * "Pièces justificatives" of a demand: the catalogue with its help texts and page limits, the
 * files sent for each (to open, or delete while the demand may change), and one form per pièce
 * to send a file (PDF, JPEG or PNG, 11 Mo at most) with an 80-character comment.
 */
export function ProPiecesPanel({
  application,
  onChanged,
  door = PRO_PIECES,
}: {
  application: { number: string; state: string };
  onChanged?: () => void;
  /** The school's professional space unless told (the candidat libre's own demand). */
  door?: PiecesDoor;
}) {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const pieces = useApiData(application.number, () => door.list(application.number), { version });
  const editable = inStateSet('piecesEditable', application.state);
  const changed = (text: string) => {
    setNotice({ severity: 'success', text });
    setVersion((n) => n + 1);
    onChanged?.();
  };

  const remove = async (fileId: string, fileName: string) => {
    if (!window.confirm(`Supprimer le fichier ${fileName} ?`)) return;
    try {
      await door.remove(application.number, fileId);
      changed(`Le fichier ${fileName} est supprimé.`);
    } catch (caught) {
      setNotice({ severity: 'error', text: asApiError(caught).message });
    }
  };

  return (
    <section aria-labelledby="pieces-titre">
      <h2 id="pieces-titre" className="fr-h4">
        Pièces justificatives
      </h2>
      <p className="fr-hint-text">
        Formats acceptés : PDF, JPEG ou PNG, 11 Mo au plus par fichier ; plusieurs fichiers par pièce, dans la limite de
        ses pages.
      </p>
      {notice && (
        <Alert className="fr-mb-3w" severity={notice.severity} small description={notice.text} role="status" />
      )}
      {pieces.status === 'loading' && !pieces.data && <p role="status">Chargement…</p>}
      {pieces.status === 'error' && <Alert severity="error" small description={pieces.error.message} />}
      {pieces.data?.pieces.map((piece) => (
        <PieceBlock
          key={piece.kind}
          number={application.number}
          door={door}
          piece={piece}
          editable={editable}
          onSent={(fileName) => changed(`${piece.label} : ${fileName} est enregistré.`)}
          onError={(text) => setNotice({ severity: 'error', text })}
          onRemove={remove}
        />
      ))}
    </section>
  );
}

function PieceBlock({
  number,
  door,
  piece,
  editable,
  onSent,
  onError,
  onRemove,
}: {
  number: string;
  door: PiecesDoor;
  piece: PieceStatus;
  editable: boolean;
  onSent: (fileName: string) => void;
  onError: (text: string) => void;
  onRemove: (fileId: string, fileName: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const inputId = `piece-${piece.kind}`;

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) {
      onError(`${piece.label} : choisissez un fichier.`);
      input?.focus();
      return;
    }
    setSending(true);
    try {
      const { file: saved } = await door.upload(number, piece.kind, file, comment);
      if (input) input.value = '';
      setComment('');
      onSent(saved.fileName);
    } catch (caught) {
      onError(asApiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="fr-mb-4w" aria-labelledby={`${inputId}-titre`}>
      <h3 id={`${inputId}-titre`} className="fr-h6 fr-mb-1w">
        {piece.label}
        {piece.required ? ' (obligatoire)' : ''}
      </h3>
      {piece.help && <p className="fr-text--sm fr-mb-1w">{piece.help}</p>}
      <p className="fr-text--sm fr-mb-1w">
        {piece.pages} page{piece.pages > 1 ? 's' : ''} sur {piece.maxPages} au maximum
      </p>
      {piece.files.length > 0 && (
        <ul>
          {piece.files.map((file) => (
            <li key={file.id}>
              <a className="fr-link" href={door.filePath(number, file.id)} target="_blank" rel="noopener">
                {file.fileName}
              </a>{' '}
              ({file.pages} page{file.pages > 1 ? 's' : ''}
              {file.comment ? ` — ${file.comment}` : ''})
              {editable && (
                <Button
                  className="fr-ml-2w"
                  priority="tertiary no outline"
                  size="small"
                  onClick={() => onRemove(file.id, file.fileName)}
                >
                  Supprimer {file.fileName}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && piece.pages < piece.maxPages && (
        <form onSubmit={send} noValidate aria-busy={sending} className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-5 fr-upload-group">
            <label className="fr-label" htmlFor={inputId}>
              Fichier pour « {piece.label} »<span className="fr-hint-text">PDF, JPEG ou PNG, 11 Mo au plus.</span>
            </label>
            <input
              className="fr-upload"
              type="file"
              id={inputId}
              name="file"
              accept="application/pdf,image/jpeg,image/png"
            />
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <Input
              label="Commentaire"
              hintText={`${MAX_PIECE_COMMENT_LENGTH} caractères au plus.`}
              nativeInputProps={{
                id: `${inputId}-comment`,
                maxLength: MAX_PIECE_COMMENT_LENGTH,
                value: comment,
                onChange: (event) => setComment(event.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-2">
            <Button type="submit" priority="secondary" disabled={sending}>
              Envoyer
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
