import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { studentRoutes } from '@permis/school-api/addresses';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { formatDate } from '../format.ts';
import { useApiCall } from '../useApiData.ts';
import classes from './StudentsPage.module.css';

/** Espace Clients › Élèves: find a student, open their fiche. */
export function StudentsPage() {
  const navigate = useNavigate();
  // The search stays in the address, so "back" from a fiche returns to the same list.
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const [debouncedQuery] = useDebouncedValue(query.trim(), 250);
  const { data, error, loading } = useApiCall(
    studentRoutes.list,
    { query: { q: debouncedQuery } },
    { keepPrevious: true },
  );
  const students = data?.students ?? [];

  // The fiche's "back" link returns to this list, search included.
  const listState: StudentListState = { listSearch: searchParams.toString() };

  const setQuery = (value: string) => {
    setSearchParams(value ? { q: value } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader title="Élèves" trail="Espace Clients">
        <Button component={Link} to="/clients/nouveau">
          Nouvel élève
        </Button>
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <TextInput
            label="Rechercher un élève"
            description="Nom de naissance, nom d'usage ou prénom"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            maw={420}
            autoComplete="off"
          />
        </Paper>

        <ErrorAlert error={error} />

        {!error && (
          <Paper withBorder radius="md" className={classes.tableCard}>
            <Group justify="space-between" px="md" py="sm" className={classes.tableHead}>
              <Text size="sm" fw={600} aria-live="polite">
                {loading && !data ? 'Recherche…' : studentCount(students.length, debouncedQuery)}
              </Text>
            </Group>
            {loading && !data ? (
              <Loading />
            ) : students.length === 0 ? (
              <Text p="md" size="sm">
                {debouncedQuery
                  ? `Aucun élève ne correspond à « ${debouncedQuery} ».`
                  : "Aucun élève n'est encore enregistré."}
              </Text>
            ) : (
              <TableScroll label="Liste des élèves" minWidth={720}>
                <Table highlightOnHover striped>
                  <Table.Caption className={classes.caption}>Liste des élèves</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Nom</Table.Th>
                      <Table.Th scope="col">Prénom</Table.Th>
                      <Table.Th scope="col">Date de naissance</Table.Th>
                      <Table.Th scope="col">Email</Table.Th>
                      <Table.Th scope="col">Bureau</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {students.map((student) => (
                      <Table.Tr
                        key={student.id}
                        className={classes.row}
                        // The name is the link for keyboards and screen readers; the row is a larger mouse target.
                        onClick={() => navigate(`/clients/${student.id}`, { state: listState })}
                      >
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/clients/${student.id}`}
                            state={listState}
                            fw={600}
                            onClick={(event) => event.stopPropagation()}
                          >
                            {student.birthName}
                          </Anchor>
                          {student.usageName && student.usageName !== student.birthName && (
                            <Text size="xs" c="dimmed">
                              nom d'usage : {student.usageName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{student.firstName}</Table.Td>
                        <Table.Td>{formatDate(student.birthDate)}</Table.Td>
                        <Table.Td>{student.email}</Table.Td>
                        <Table.Td>{student.officeName}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}

/** Router state a fiche élève receives from the list. */
export type StudentListState = { listSearch?: string } | null;

function studentCount(count: number, query: string): string {
  const noun = count > 1 ? 'élèves' : 'élève';
  return query ? `${count} ${noun} trouvé${count > 1 ? 's' : ''}` : `${count} ${noun}`;
}
