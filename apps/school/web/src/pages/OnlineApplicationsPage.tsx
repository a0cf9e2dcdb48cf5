import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type ApplicationType, TYPE_LABELS } from '@permis/ants-api';
import type { CallInput } from '@permis/platform/route';
import type { SortKey } from '@permis/school-api';
import { adminFiles, adminRoutes, officeRoutes } from '@permis/school-api/addresses';
import { useCallback, useMemo, useState } from 'react';
import { type ApiError, apiCall, asApiError, fileSearchPath } from '../api.ts';
import { LinkStudentModal } from '../components/admin/LinkStudentModal.tsx';
import { StatesChart } from '../components/admin/StatesChart.tsx';
import { SyncProgress } from '../components/admin/SyncProgress.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { DocumentsModal } from '../components/online/DocumentsModal.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { formatInstant, formatInstantDate } from '../format.ts';
import type { AdminApplicationRow, SyncRun } from '../types.ts';
import { useApiCall } from '../useApiData.ts';
import { toIsoDate } from '../useForm.ts';

type Sort = SortKey;
const COLUMNS: { key: Sort; label: string }[] = [
  { key: 'student', label: 'Elève' },
  { key: 'number', label: 'Numéro' },
  { key: 'createdAt', label: 'Date de création' },
  { key: 'updatedAt', label: 'Date de modification' },
  { key: 'state', label: 'Type - Etat' },
  { key: 'neph', label: 'N° NEPH' },
];

type Criteria = { number: string; createdFrom: string; createdTo: string; updatedFrom: string; updatedTo: string };
const NO_CRITERIA: Criteria = { number: '', createdFrom: '', createdTo: '', updatedFrom: '', updatedTo: '' };

/**
 * What is wrong in the typed criteria, by field (the same rules as the server's). Checked before the
 * search: a wrong date is said on its field while the counters and the list stay as they were.
 */
export function criteriaErrors(typed: Criteria): Partial<Record<keyof Criteria, string>> {
  const errors: Partial<Record<keyof Criteria, string>> = {};
  if (!/^\d*$/.test(typed.number.trim())) errors.number = 'Le numéro de demande ne comporte que des chiffres.';
  const dates = ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const;
  for (const key of dates) {
    if (typed[key].trim() && !isCalendarDate(toIsoDate(typed[key]))) errors[key] = 'Date invalide (jj/mm/aaaa).';
  }
  for (const [from, to] of [
    ['createdFrom', 'createdTo'],
    ['updatedFrom', 'updatedTo'],
  ] as const) {
    if (errors[from] || errors[to] || !typed[from].trim() || !typed[to].trim()) continue;
    if (toIsoDate(typed[to]) < toIsoDate(typed[from])) errors[to] = 'La date de fin est antérieure à la date de début.';
  }
  return errors;
}

function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso;
}

/**
 * Espace Administratif › Bordereaux dossiers › "Demandes en ligne (site ANTS)" (seed 002): choice of
 * agency, the CERFA 02 and 06 counters (each filters), other criteria, the list (paged, sorted; in
 * red the applications not linked to a student), the update from the national service with its
 * progress, the link to a student, the documents, the Excel export and a chart.
 */
export function OnlineApplicationsPage() {
  const offices = useApiCall(officeRoutes.list, {});
  const withAgrement = offices.data?.offices.filter((o) => o.hasAgrement) ?? [];
  const [officeId, setOfficeId] = useState<string | null>(null);
  const current = officeId ?? withAgrement[0]?.id ?? null;

  return (
    <>
      <PageHeader title="Demandes en ligne (site ANTS)" trail="Espace Administratif › Bordereaux dossiers" />
      <ErrorAlert error={offices.error} />
      {offices.loading && !offices.data && <Loading />}
      {offices.data && (
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <NativeSelect
              label="Choix de l'agence"
              data={withAgrement.map((o) => ({ value: o.id, label: o.name }))}
              value={current ?? ''}
              onChange={(event) => setOfficeId(event.currentTarget.value)}
              w={260}
            />
            <Text size="sm" c="dimmed" maw={560}>
              Si votre agence n'apparaît pas, veuillez renseigner le n° d'agrément Cerfa dans l'espace dirigeant ou vous
              identifier avec son n° d'agrément sur le site de l'ANTS.
            </Text>
          </Group>
          {current && <OfficeApplications key={current} officeId={current} />}
        </Stack>
      )}
    </>
  );
}

function OfficeApplications({ officeId }: { officeId: string }) {
  const [counter, setCounter] = useState<{ type: ApplicationType; state: string } | null>(null);
  const [typed, setTyped] = useState<Criteria>(NO_CRITERIA);
  const [typedErrors, setTypedErrors] = useState<Partial<Record<keyof Criteria, string>>>({});
  const [criteria, setCriteria] = useState<Criteria>(NO_CRITERIA);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: Sort; dir: 'asc' | 'desc' }>({ key: 'updatedAt', dir: 'desc' });
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [linking, setLinking] = useState<AdminApplicationRow | null>(null);
  const [documentsOf, setDocumentsOf] = useState<AdminApplicationRow | null>(null);
  const [syncError, setSyncError] = useState<ApiError | null>(null);
  const [run, setRun] = useState<SyncRun | null>(null);

  const query = useMemo(() => {
    const query: CallInput<typeof adminRoutes.list>['query'] = {
      officeId,
      page,
      pageSize: 50,
      sort: sort.key,
      dir: sort.dir,
      ...(counter ? { type: counter.type, state: counter.state } : {}),
    };
    if (criteria.number.trim()) query.number = criteria.number.trim();
    for (const key of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) {
      if (criteria[key].trim()) query[key] = toIsoDate(criteria[key]);
    }
    return query;
  }, [officeId, page, sort, counter, criteria]);
  const list = useApiCall(adminRoutes.list, { query }, { refreshMs: 15000, version, keepPrevious: true });

  const pollSync = useCallback(() => {
    apiCall(adminRoutes.sync, { params: { officeId } })
      .then((answer) => setRun(answer.run))
      .catch((caught: unknown) => setSyncError(asApiError(caught)));
  }, [officeId]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const startSync = async () => {
    setSyncError(null);
    const windows = Object.fromEntries(
      (['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const)
        .filter((key) => criteria[key].trim())
        .map((key) => [key, toIsoDate(criteria[key])]),
    );
    try {
      const answer = await apiCall(adminRoutes.startSync, { params: { officeId }, body: windows });
      setRun(answer.run);
    } catch (caught) {
      setSyncError(asApiError(caught));
    }
  };

  const toggleSort = (key: Sort) => {
    setPage(1);
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  };
  const field = (key: keyof Criteria) => ({
    value: typed[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setTyped((t) => ({ ...t, [key]: value }));
    },
    error: typedErrors[key] ?? list.error?.fieldMessage(key),
  });
  const exportHref = fileSearchPath(adminFiles.export, query);

  return (
    <Stack gap="md">
      {list.data && (
        <Text size="sm" data-testid="last-heard">
          {list.data.office.lastHeardAt
            ? `Dernières nouvelles du site de l'ANTS : le ${formatInstant(list.data.office.lastHeardAt)}. Les changements d'état arrivent d'eux-mêmes.`
            : "Aucune nouvelle du site de l'ANTS pour cette agence pour l'instant : les changements d'état arriveront d'eux-mêmes dès que le site les enverra."}
        </Text>
      )}
      {list.data && (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Compteurs">
          <Stack gap="sm">
            {list.data.counters.map((row) => (
              // On a narrow screen the counters go under their Cerfa, and a long one wraps its words
              // (« Dossier en attente de validation usager »): nothing to scroll sideways (RGAA 10.11).
              <Group key={row.type} gap="xs" align="flex-start">
                <Text fw={700} w={90} title={row.label}>
                  CERFA {row.type}
                </Text>
                <Group gap="xs" style={{ flex: '1 1 240px' }}>
                  {row.counters.map((cell) => {
                    const pressed = counter?.type === row.type && counter.state === cell.state;
                    return (
                      <Button
                        key={cell.state}
                        size="compact-sm"
                        variant={pressed ? 'filled' : 'light'}
                        aria-pressed={pressed}
                        title={cell.meaning}
                        onClick={() => {
                          setPage(1);
                          setCounter(pressed ? null : { type: row.type, state: cell.state });
                        }}
                      >
                        {cell.count} {cell.label}
                      </Button>
                    );
                  })}
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="criteria-title">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const errors = criteriaErrors(typed);
            setTypedErrors(errors);
            if (Object.keys(errors).length > 0) return;
            setPage(1);
            setCriteria(typed);
          }}
          noValidate
        >
          <Title order={2} size="h5" id="criteria-title" mb="xs">
            Autres critères
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <TextInput label="N° de demande" {...field('number')} />
            <TextInput label="Date de création du" placeholder="jj/mm/aaaa" {...field('createdFrom')} />
            <TextInput label="au (création)" placeholder="jj/mm/aaaa" {...field('createdTo')} />
            <TextInput label="Date de modification du" placeholder="jj/mm/aaaa" {...field('updatedFrom')} />
            <TextInput label="au (modification)" placeholder="jj/mm/aaaa" {...field('updatedTo')} />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">Rechercher</Button>
            <Button variant="default" onClick={() => void startSync()}>
              Mettre à jour depuis le site de la préfecture
            </Button>
            <Anchor href={exportHref} download>
              Exporter la liste sous Excel
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            Pour que la mise à jour soit plus rapide, vous pouvez saisir un créneau de date de création et/ou de
            modification.
          </Text>
        </form>
      </Paper>

      {syncError && (
        <Alert color="red" variant="light">
          {syncError.message}
        </Alert>
      )}
      <SyncProgress run={run} onPoll={pollSync} onDone={reload} />
      {notice && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel="Fermer le message"
        >
          {notice}
        </Alert>
      )}

      {list.error && !list.data && <ErrorAlert error={list.error} />}
      {list.data && (
        <Paper withBorder radius="md" component="section" aria-label="Liste des demandes">
          <TableScroll label="Demandes en ligne" minWidth={900}>
            <Table striped>
              <Table.Caption>
                {list.data.total} demande{list.data.total > 1 ? 's' : ''}. Les lignes rouges correspondent aux demandes
                enregistrées directement sur le site de l'ANTS et non reliées à un élève.
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {COLUMNS.map((column) => (
                    <Table.Th
                      key={column.key}
                      scope="col"
                      aria-sort={
                        sort.key === column.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                      }
                    >
                      <UnstyledButton onClick={() => toggleSort(column.key)} fw={700} fz="sm">
                        {column.label}
                        {sort.key === column.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </UnstyledButton>
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((row) => (
                  <Table.Tr key={row.number} c={row.student ? undefined : 'red.9'} data-linked={row.student !== null}>
                    <Table.Td>
                      {row.student ? (
                        <Anchor href={`/clients/${row.student.id}?onglet=dossier`}>{row.student.name}</Anchor>
                      ) : (
                        <>
                          {row.candidateName}{' '}
                          <Text span size="xs">
                            (non reliée)
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{row.number}</Table.Td>
                    <Table.Td>{formatInstantDate(row.createdAt)}</Table.Td>
                    <Table.Td>{formatInstantDate(row.updatedAt)}</Table.Td>
                    <Table.Td>
                      {row.stateLabel} {TYPE_LABELS[row.type]}
                    </Table.Td>
                    <Table.Td>{row.neph ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setLinking(row)}
                          aria-label={
                            row.student
                              ? `Changer d'élève pour la demande ${row.number}`
                              : `Relier la demande ${row.number} à un élève`
                          }
                        >
                          {row.student ? "Changer d'élève" : 'Relier'}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          disabled={!row.student}
                          title={row.student ? undefined : 'Accessible uniquement si la demande est reliée à un élève'}
                          onClick={() => setDocumentsOf(row)}
                          aria-label={`Documents de la demande ${row.number}`}
                        >
                          Documents
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {list.data.total > list.data.pageSize && (
            <Group justify="center" p="sm">
              <Pagination
                total={Math.ceil(list.data.total / list.data.pageSize)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'next' ? 'Page suivante' : control === 'previous' ? 'Page précédente' : control,
                })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            </Group>
          )}
        </Paper>
      )}

      <StatesChart officeId={officeId} version={version} />

      {linking && (
        <LinkStudentModal
          officeId={officeId}
          row={linking}
          onClose={() => setLinking(null)}
          onLinked={(message) => {
            setLinking(null);
            setNotice(message);
            reload();
          }}
        />
      )}
      {documentsOf?.student && (
        <DocumentsModal
          opened
          onClose={() => setDocumentsOf(null)}
          target={{ id: documentsOf.student.id, number: documentsOf.number }}
        />
      )}
    </Stack>
  );
}
