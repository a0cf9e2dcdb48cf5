import { Alert, Anchor, Modal, Table, Text } from '@mantine/core';
import { onlineFiles, onlineRoutes } from '@permis/school-api/addresses';
import { filePath } from '../../api.ts';
import type { ApplicationTarget } from '../../types.ts';
import { useApiCall } from '../../useApiData.ts';

/** "Editer les documents": the national service's documents of the application, each to download. */
export function DocumentsModal({
  opened,
  onClose,
  target,
}: {
  opened: boolean;
  onClose: () => void;
  target: ApplicationTarget;
}) {
  const { data, error, loading } = useApiCall(onlineRoutes.documents, opened ? { params: target } : null);
  return (
    <Modal opened={opened} onClose={onClose} title="Editer les documents" size="xl">
      {loading && <Text role="status">Chargement depuis le site de l'ANTS…</Text>}
      {error && (
        <Alert color="red" variant="light">
          {error.message}
        </Alert>
      )}
      {data && (
        <Table aria-label="Documents de la demande">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Document</Table.Th>
              <Table.Th scope="col">Disponibilité</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.documents.map((document) => (
              <Table.Tr key={document.kind}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {document.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {document.help}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {document.available ? (
                    <Anchor
                      href={filePath(onlineFiles.document, { ...target, kind: document.kind })}
                      download
                      size="sm"
                    >
                      Télécharger ({document.label})
                    </Anchor>
                  ) : (
                    <Text size="sm">{document.reason ?? 'Pas encore disponible.'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
