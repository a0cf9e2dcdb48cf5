import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Answer } from '@permis/platform/route';
import { MAX_PIECE_COMMENT_LENGTH, MAX_PIECE_FILE_BYTES } from '@permis/referentiel';
import { onlineFiles, onlineRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { ApiError, apiCall, apiUpload, filePath } from '../../api.ts';
import { formatInstantDate } from '../../format.ts';
import type { ApplicationTarget, OnlineApplication, PieceStatus } from '../../types.ts';
import { useApiCall } from '../../useApiData.ts';
import { ConfirmModal } from '../ConfirmModal.tsx';
import { TableScroll } from '../TableScroll.tsx';
import { AntsProgress } from './AntsProgress.tsx';
import { useAntsCall } from './useAntsCall.ts';

/**
 * "Envoyer les pièces justificatives" (seed 002): each pièce with its pages, help, sent and required
 * marks and the user's comment; a file from the disk or one of the student's documents; the rows
 * already sent in blue; view and delete each file; "Enregistrer" (keep the draft) or "Valider la demande".
 */
export function PiecesModal({
  opened,
  onClose,
  target,
  application,
  onValidate,
}: {
  opened: boolean;
  onClose: () => void;
  target: ApplicationTarget;
  application: OnlineApplication;
  onValidate: () => void;
}) {
  const { data, error, loading, reload } = useApiCall(onlineRoutes.pieces, opened ? { params: target } : null);
  const [adding, setAdding] = useState<PieceStatus | null>(null);
  const [removing, setRemoving] = useState<{ id: string; fileName: string; piece: string } | null>(null);
  const call = useAntsCall();
  const editable = application.actions.pieces.enabled;

  const remove = (fileId: string) =>
    call.run('Suppression du fichier sur le site de l’ANTS…', async () => {
      await apiCall(onlineRoutes.deletePieceFile, { params: { ...target, fileId } });
      reload();
    });

  return (
    <Modal opened={opened} onClose={onClose} title="Envoyer les pièces justificatives" size="90rem">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Fichiers à envoyer
        </Title>
        <AntsProgress call={call} />
        {error && (
          <Alert color="red" variant="light">
            {error.message}
          </Alert>
        )}
        {loading && !data && <Text role="status">Chargement des pièces depuis le site de l'ANTS…</Text>}
        {data && (
          <TableScroll label="Pièces justificatives" minWidth={900}>
            <Table withTableBorder aria-label="Pièces justificatives de la demande">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Libellé</Table.Th>
                  <Table.Th scope="col">Nb pages / Nb pages max.</Table.Th>
                  <Table.Th scope="col">Aide</Table.Th>
                  <Table.Th scope="col">Envoyé</Table.Th>
                  <Table.Th scope="col">Requis</Table.Th>
                  <Table.Th scope="col">Commentaires de l'utilisateur</Table.Th>
                  <Table.Th scope="col">Fichiers</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.pieces.map((piece) => (
                  <Table.Tr
                    key={piece.kind}
                    bg={piece.sent ? 'var(--mantine-color-blue-light)' : undefined}
                    data-sent={piece.sent}
                  >
                    <Table.Th scope="row" fw={piece.required ? 700 : 500}>
                      {piece.label}
                    </Table.Th>
                    <Table.Td>
                      {piece.pages}/{piece.maxPages}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{piece.help}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Checkbox checked={piece.sent} readOnly aria-label={`${piece.label} : envoyé`} tabIndex={-1} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        checked={piece.required}
                        readOnly
                        aria-label={`${piece.label} : requis`}
                        tabIndex={-1}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {piece.files
                          .map((f) => f.comment)
                          .filter(Boolean)
                          .join(' ; ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {piece.files.map((file) => (
                          <Group key={file.id} gap="xs">
                            <Anchor
                              href={filePath(onlineFiles.pieceFile, { ...target, fileId: file.id })}
                              size="sm"
                              download
                              style={{ overflowWrap: 'anywhere' }}
                            >
                              Visualiser {file.fileName}
                            </Anchor>
                            {editable && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() =>
                                  setRemoving({ id: file.id, fileName: file.fileName, piece: piece.label })
                                }
                                aria-label={`Supprimer ${file.fileName}`}
                              >
                                Supprimer
                              </Button>
                            )}
                          </Group>
                        ))}
                        {editable && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => setAdding(piece)}
                            aria-label={`Ajouter un fichier : ${piece.label}`}
                          >
                            Ajouter un fichier
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <Text size="sm" c="dimmed">
          La taille des fichiers est limitée à 11 Mo ; le nombre de pages est limité (voir la colonne Nb pages / Nb
          pages max.). Les lignes en bleu sont envoyées sur le site de l'ANTS.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Enregistrer
          </Button>
          {application.actions.validate.enabled && (
            <Button
              onClick={() => {
                onClose();
                onValidate();
              }}
            >
              Valider la demande
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title="Supprimer le fichier ?"
        confirmLabel="Oui, supprimer"
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove(removing.id);
        }}
      >
        Le fichier {removing?.fileName} ({removing?.piece}) sera supprimé du site de l'ANTS.
      </ConfirmModal>
      {adding && data && (
        <AddFileModal
          piece={adding}
          documents={data.documents}
          target={target}
          onClose={() => setAdding(null)}
          onAdded={() => {
            setAdding(null);
            reload();
          }}
        />
      )}
    </Modal>
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

function commentTooLong(over: number): string {
  return `Le commentaire est limité à ${MAX_PIECE_COMMENT_LENGTH} caractères : retirez-en ${over}.`;
}

/** "Rechercher un fichier": from the disk or among the student's documents, with a comment. */
function AddFileModal({
  piece,
  documents,
  target,
  onClose,
  onAdded,
}: {
  piece: PieceStatus;
  documents: Answer<typeof onlineRoutes.pieces>['documents'];
  target: ApplicationTarget;
  onClose: () => void;
  onAdded: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState('');
  const [comment, setComment] = useState('');
  // Said as soon as the file is chosen (its size is known), not after 11 MB have been sent.
  const [fileError, setFileError] = useState<string | null>(null);
  const call = useAntsCall();
  const commentOver = comment.length - MAX_PIECE_COMMENT_LENGTH;

  const send = () =>
    call.run('Envoi du fichier sur le site de l’ANTS…', async () => {
      if (commentOver > 0) throw new ApiError(400, 'VALIDATION', commentTooLong(commentOver));
      const params = { ...target, kind: piece.kind };
      if (file) await apiUpload(onlineRoutes.uploadPiece, { params, query: { comment } }, file);
      else if (documentId) await apiCall(onlineRoutes.pieceFromDocument, { params, body: { documentId, comment } });
      else throw new ApiError(400, 'FILE_MISSING', 'Choisissez un fichier sur votre disque ou un document de l’élève.');
      onAdded();
    });

  return (
    <Modal opened onClose={onClose} title={`Rechercher un fichier — ${piece.label}`} size="lg">
      <Stack gap="sm">
        <AntsProgress call={call} />
        <FileInput
          label="Téléchargez le fichier :"
          placeholder="Cliquez pour rechercher le fichier sur votre disque"
          accept="application/pdf,image/jpeg,image/png"
          value={file}
          onChange={(value) => {
            if (value && value.size > MAX_PIECE_FILE_BYTES) {
              setFile(null);
              setFileError(
                `« ${value.name} » pèse ${megabytes(value.size)} Mo : la taille des fichiers est limitée à ${megabytes(MAX_PIECE_FILE_BYTES)} Mo.`,
              );
              return;
            }
            setFileError(null);
            setFile(value);
            if (value) setDocumentId('');
          }}
          error={fileError}
          clearable
        />
        <Radio.Group
          label="Ou choisissez un fichier parmi les documents de l'élève :"
          value={documentId}
          onChange={(value) => {
            setDocumentId(value);
            setFile(null);
          }}
        >
          <Stack gap={4} mt={4}>
            {documents.length === 0 && <Text size="sm">Aucun document sur la fiche de l'élève.</Text>}
            {documents.map((document) => (
              <Radio
                key={document.id}
                value={document.id}
                label={`${formatInstantDate(document.createdAt)} — ${document.fileName}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {/* No silent cut at the limit (a pasted text lost its end mid-word): the count shows, and a
            comment too long is said, kept whole for the user to shorten. */}
        <TextInput
          label={`Commentaire de l'utilisateur : (${MAX_PIECE_COMMENT_LENGTH} caractères max)`}
          description={`${comment.length} / ${MAX_PIECE_COMMENT_LENGTH} caractères`}
          error={commentOver > 0 ? commentTooLong(commentOver) : undefined}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void send()} loading={call.busy !== null}>
            Valider
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
