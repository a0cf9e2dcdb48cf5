import { Alert, Button, Grid, Group, Modal, NavLink, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { userRoutes } from '@permis/school-api/addresses';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ApiError, apiCall, asApiError } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { listName } from '../format.ts';
import type { UserRightsResponse } from '../types.ts';
import { useApiCall } from '../useApiData.ts';
import classes from './RightsPage.module.css';

type Draft = Record<string, boolean>;

/**
 * Espace Dirigeant › Connexions › Droits utilisateurs, laid out as in the product: choose a user,
 * choose a domain, then Oui / Non for each right, and Enregistrer.
 */
export function RightsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('utilisateur');
  const users = useApiCall(userRoutes.list, {});
  const selectedUser = users.data?.users.find((u) => u.id === selectedId) ?? null;
  const rights = useApiCall(userRoutes.rights, selectedUser ? { params: { id: selectedUser.id } } : null);

  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);

  // The draft starts from what the server says, each time a user's rights are (re)loaded.
  useEffect(() => {
    setDraft(Object.fromEntries((rights.data?.rights ?? []).map((r) => [r.code, r.granted])));
  }, [rights.data]);

  const dirty = useMemo(
    () => (rights.data?.rights ?? []).some((r) => draft[r.code] !== undefined && draft[r.code] !== r.granted),
    [rights.data, draft],
  );

  const selectUser = (id: string) => {
    setSearchParams({ utilisateur: id });
    setSaved(false);
    setSaveError(null);
  };

  const requestUser = (id: string) => {
    if (id === selectedId) return;
    if (dirty) setPendingUserId(id);
    else selectUser(id);
  };

  const handleSave = async () => {
    if (!selectedUser) return;
    setSaving(true);
    setSaved(false);
    setSaveError(null);
    try {
      await apiCall(userRoutes.setRights, { params: { id: selectedUser.id }, body: { rights: draft } });
      setSaved(true);
      rights.reload();
    } catch (caught) {
      setSaveError(asApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title="Droits utilisateurs" trail="Espace Dirigeant › Connexions" />
      {users.error ? (
        <ErrorAlert error={users.error} />
      ) : users.loading && !users.data ? (
        <Loading />
      ) : (
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Column title="Choisir un utilisateur" id="rights-users">
              <Stack gap={2}>
                {(users.data?.users ?? []).map((user) => (
                  <NavLink
                    key={user.id}
                    component="button"
                    type="button"
                    label={listName(user)}
                    description={user.roleLabel}
                    active={user.id === selectedId}
                    aria-pressed={user.id === selectedId}
                    onClick={() => requestUser(user.id)}
                    variant="light"
                    classNames={{ root: classes.choice, description: classes.choiceDescription }}
                  />
                ))}
              </Stack>
            </Column>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Column title="Choisir un domaine" id="rights-domain">
              {selectedUser ? (
                <NavLink
                  component="button"
                  type="button"
                  label={rights.data?.domain ?? 'CLIENTS'}
                  active
                  aria-pressed
                  variant="light"
                  className={classes.choice}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  Choisissez d'abord un utilisateur.
                </Text>
              )}
            </Column>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Column title="Liste des droits utilisateurs" id="rights-list">
              {!selectedUser ? (
                <Text size="sm" c="dimmed">
                  Sélectionnez un utilisateur dans la liste pour afficher ses droits.
                </Text>
              ) : rights.error ? (
                <ErrorAlert error={rights.error} />
              ) : rights.loading && !rights.data ? (
                <Loading />
              ) : rights.data ? (
                <Stack gap="md">
                  <Text size="sm">
                    Droits de <strong>{listName(rights.data.user)}</strong> — domaine {rights.data.domain}
                  </Text>
                  <RightsTable
                    rights={rights.data}
                    draft={draft}
                    onChange={(code, granted) => {
                      setDraft((current) => ({ ...current, [code]: granted }));
                      setSaved(false);
                    }}
                  />
                  {saved && !dirty && (
                    <Alert color="green" variant="light" role="status">
                      Droits enregistrés.
                    </Alert>
                  )}
                  <ErrorAlert error={saveError} />
                  <Group gap="md">
                    <Button onClick={handleSave} loading={saving}>
                      Enregistrer
                    </Button>
                    {dirty && (
                      <Text size="sm" c="var(--mantine-color-orange-light-color)">
                        Modifications non enregistrées.
                      </Text>
                    )}
                  </Group>
                </Stack>
              ) : null}
            </Column>
          </Grid.Col>
        </Grid>
      )}

      <Modal
        opened={pendingUserId !== null}
        onClose={() => setPendingUserId(null)}
        title="Modifications non enregistrées"
        closeButtonProps={{ 'aria-label': 'Fermer' }}
        centered
      >
        <Stack>
          <Text size="sm">Les droits modifiés n'ont pas été enregistrés. Changer d'utilisateur les abandonne.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPendingUserId(null)}>
              Rester sur cet utilisateur
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (pendingUserId) selectUser(pendingUserId);
                setPendingUserId(null);
              }}
            >
              Abandonner les modifications
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Column({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" mb="sm" id={id} className={classes.columnTitle}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function RightsTable({
  rights,
  draft,
  onChange,
}: {
  rights: UserRightsResponse;
  draft: Draft;
  onChange: (code: string, granted: boolean) => void;
}) {
  return (
    <Table striped withTableBorder aria-label="Droits de l’utilisateur">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Droit</Table.Th>
          <Table.Th scope="col" ta="center" w={80}>
            Oui
          </Table.Th>
          <Table.Th scope="col" ta="center" w={80}>
            Non
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rights.rights.map((right) => {
          const granted = draft[right.code] ?? right.granted;
          const name = `droit-${right.code}`;
          return (
            <Table.Tr key={right.code}>
              <Table.Th scope="row" fw={500}>
                {right.label}
              </Table.Th>
              <Table.Td>
                <Radio
                  name={name}
                  value="oui"
                  checked={granted}
                  onChange={() => onChange(right.code, true)}
                  aria-label={`${right.label} : Oui`}
                  className={classes.radio}
                />
              </Table.Td>
              <Table.Td>
                <Radio
                  name={name}
                  value="non"
                  checked={!granted}
                  onChange={() => onChange(right.code, false)}
                  aria-label={`${right.label} : Non`}
                  className={classes.radio}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
