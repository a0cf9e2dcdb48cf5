import { Alert, Button, Checkbox, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type ApiError, api, asApiError } from '../../api.ts';
import { formatDate } from '../../format.ts';
import type { AdminApplicationRow, StudentSummary } from '../../types.ts';
import { useApiData } from '../../useApiData.ts';

/** "Associer un élève à une demande": search a student by name, optionally overwrite the fiche. */
export function LinkStudentModal({
  row,
  onClose,
  onLinked,
}: {
  row: AdminApplicationRow;
  onClose: () => void;
  onLinked: (message: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [overwrite, setOverwrite] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const found = useApiData<{ students: StudentSummary[] }>(
    debounced.length >= 2 ? `/api/students?q=${encodeURIComponent(debounced)}` : null,
  );

  const link = async (student: StudentSummary) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/admin/online-applications/${encodeURIComponent(row.number)}/link`, {
        studentId: student.id,
        overwrite,
      });
      onLinked(`Demande n° ${row.number} reliée à ${student.birthName} ${student.firstName}.`);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Associer un élève à une demande" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          La demande n'a pas été enregistrée depuis cette application. Veuillez l'associer à un élève.
        </Text>
        <Text size="sm">
          Demande n° {row.number} — {row.candidateName}
        </Text>
        <TextInput
          label="Rechercher un élève :"
          description="Saisissez les premières lettres du nom, puis cliquez sur le nom complet."
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-autofocus
        />
        <Checkbox
          label="Mettre à jour toutes les informations de l'élève depuis le site de la préfecture ? (adresse, n° de téléphone, email, cerfa, etc.)"
          checked={overwrite}
          onChange={(event) => setOverwrite(event.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" variant="light">
            {error.message}
          </Alert>
        )}
        {found.data && found.data.students.length === 0 && <Text size="sm">Aucun élève ne correspond.</Text>}
        {found.data && found.data.students.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Elève</Table.Th>
                <Table.Th scope="col">Date de naissance</Table.Th>
                <Table.Th scope="col">Bureau</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.data.students.map((student) => (
                <Table.Tr key={student.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => void link(student)} disabled={busy}>
                      {student.birthName} {student.firstName}
                    </Button>
                  </Table.Td>
                  <Table.Td>{formatDate(student.birthDate)}</Table.Td>
                  <Table.Td>{student.officeName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
