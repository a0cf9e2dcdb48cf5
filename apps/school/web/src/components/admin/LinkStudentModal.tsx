import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { adminRoutes, studentRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { type ApiError, apiCall, asApiError } from '../../api.ts';
import { formatDate } from '../../format.ts';
import type { AdminApplicationRow, StudentSummary } from '../../types.ts';
import { useApiCall } from '../../useApiData.ts';

/**
 * "Associer un élève à une demande": search a student by name, optionally overwrite the fiche. For
 * a demand already linked, the same popup is "Changer d'élève" and asks before moving it; a student
 * whose name or birth date differ from the demand's is linked only once the user confirmed.
 */
export function LinkStudentModal({
  officeId,
  row,
  onClose,
  onLinked,
}: {
  officeId: string;
  row: AdminApplicationRow;
  onClose: () => void;
  onLinked: (message: string) => void;
}) {
  const change = row.student !== null;
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [overwrite, setOverwrite] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The student chosen whose identity differs from the demand's: waiting for "Relier quand même". */
  const [mismatch, setMismatch] = useState<{ student: StudentSummary; message: string } | null>(null);
  const found = useApiCall(studentRoutes.list, debounced.length >= 2 ? { query: { q: debounced } } : null, {
    keepPrevious: true,
  });

  const link = async (student: StudentSummary, confirmMismatch = false) => {
    setBusy(true);
    setError(null);
    setMismatch(null);
    try {
      await apiCall(adminRoutes.link, {
        params: { number: row.number },
        body: { officeId, studentId: student.id, overwrite, change, confirmMismatch },
      });
      onLinked(`Demande n° ${row.number} reliée à ${student.birthName} ${student.firstName}.`);
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.code === 'IDENTITY_MISMATCH') setMismatch({ student, message: failure.message });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={change ? "Changer l'élève de la demande" : 'Associer un élève à une demande'}
      size="lg"
    >
      <Stack gap="sm">
        {change ? (
          <Alert color="orange" variant="light" title={`Demande reliée à ${row.student?.name}`}>
            Choisir un autre élève détache la demande de la fiche de {row.student?.name}, qui ne la montrera plus.
          </Alert>
        ) : (
          <Text size="sm">
            La demande n'a pas été enregistrée depuis cette application. Veuillez l'associer à un élève.
          </Text>
        )}
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
        {mismatch && (
          <Alert color="orange" variant="light" title="Ce n'est peut-être pas la même personne" role="alert">
            <Stack gap="xs">
              <Text size="sm">{mismatch.message}</Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => void link(mismatch.student, true)} disabled={busy}>
                  Relier quand même à {mismatch.student.birthName} {mismatch.student.firstName}
                </Button>
                <Button size="xs" variant="default" onClick={() => setMismatch(null)}>
                  Choisir un autre élève
                </Button>
              </Group>
            </Stack>
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
