import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { studentFiles, studentRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { type ApiError, apiCall, apiUpload, asApiError, filePath } from '../api.ts';
import { formatInstantDate } from '../format.ts';
import type { StudentDocument } from '../types.ts';
import { useApiCall } from '../useApiData.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { Loading } from './Loading.tsx';

/** The student's documents: upload from the disk, list, download, delete. */
export function StudentDocuments({ studentId }: { studentId: string }) {
  const params = { id: studentId };
  const { data, error, loading, reload } = useApiCall(studentRoutes.documents, { params });
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | null>(null);

  const upload = async () => {
    if (!file) return;
    setSending(true);
    setSendError(null);
    try {
      await apiUpload(studentRoutes.addDocument, { params }, file);
      setFile(null);
      reload();
    } catch (caught) {
      setSendError(asApiError(caught));
    } finally {
      setSending(false);
    }
  };

  // A document deleted is gone for good: asked first (RGAA 11.12).
  const [removing, setRemoving] = useState<StudentDocument | null>(null);
  const remove = async (document: StudentDocument) => {
    setRemoving(null);
    try {
      await apiCall(studentRoutes.deleteDocument, { params: { ...params, documentId: document.id } });
      reload();
    } catch (caught) {
      setSendError(asApiError(caught));
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="documents-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="documents-title">
          Documents de l'élève
        </Title>
        <Group align="flex-end">
          <FileInput
            label="Ajouter un document"
            placeholder="Choisir un fichier (11 Mo au plus)"
            value={file}
            onChange={setFile}
            clearable
            w="100%"
            maw={360}
          />
          <Button onClick={() => void upload()} disabled={!file} loading={sending}>
            Envoyer
          </Button>
        </Group>
        {(sendError ?? error) && (
          <Alert color="red" variant="light">
            {(sendError ?? error)?.message}
          </Alert>
        )}
        {loading && !data && <Loading />}
        {data && data.documents.length === 0 && <Text size="sm">Aucun document.</Text>}
        {data && data.documents.length > 0 && (
          <Table aria-labelledby="documents-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Document</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.documents.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>{formatInstantDate(document.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor href={filePath(studentFiles.document, { ...params, documentId: document.id })} download>
                      {document.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(document)}
                      aria-label={`Supprimer ${document.fileName}`}
                    >
                      Supprimer
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title="Supprimer le document ?"
        confirmLabel="Oui, supprimer"
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      >
        « {removing?.fileName} » sera supprimé de la fiche de l'élève.
      </ConfirmModal>
    </Paper>
  );
}
