import {
  Badge,
  Button,
  Grid,
  NativeSelect,
  Notification,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { userRoutes } from '@permis/school-api/addresses';
import { type FormEvent, useState } from 'react';
import { type ApiError, apiCall, asApiError } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { RequiredNote } from '../components/RequiredNote.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { ROLE_LABELS } from '../format.ts';
import type { NewUser, Role, SchoolUser } from '../types.ts';
import { useApiCall } from '../useApiData.ts';

/** Espace Dirigeant › Connexions › Utilisateurs: who may sign in, and adding someone. */
export function UsersPage() {
  const { data, error, loading, reload } = useApiCall(userRoutes.list, {});

  return (
    <>
      <PageHeader title="Utilisateurs" trail="Espace Dirigeant › Connexions" />
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="users-list-title">
            <Title order={2} size="h4" mb="sm" id="users-list-title">
              Utilisateurs de l'auto-école
            </Title>
            {loading && !data ? <Loading /> : <UsersTable users={data?.users ?? []} />}
          </Paper>
          <AddUserForm onCreated={reload} />
        </Stack>
      )}
    </>
  );
}

function UsersTable({ users }: { users: SchoolUser[] }) {
  return (
    <TableScroll label="Utilisateurs" minWidth={560}>
      <Table striped aria-label="Utilisateurs de l’auto-école">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Nom</Table.Th>
            <Table.Th scope="col">Prénom</Table.Th>
            <Table.Th scope="col">Identifiant</Table.Th>
            <Table.Th scope="col">Rôle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={600}>{user.lastName.toUpperCase()}</Table.Td>
              <Table.Td>{user.firstName}</Table.Td>
              <Table.Td ff="monospace">{user.login}</Table.Td>
              <Table.Td>
                {user.roleLabel}
                {!user.active && (
                  <Badge color="gray" variant="light" ml="xs" radius="sm">
                    désactivé
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

const EMPTY: NewUser = { firstName: '', lastName: '', email: '', login: '', role: 'secretaire', password: '' };
const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function AddUserForm({ onCreated }: { onCreated: () => void }) {
  const [values, setValues] = useState<NewUser>(EMPTY);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState(false);

  const set = (field: keyof NewUser) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  // A field's message from the server; "identifiant déjà utilisé" belongs under Identifiant.
  const fieldError = (field: keyof NewUser): string | undefined => {
    if (!error) return undefined;
    if (field === 'login' && error.code === 'LOGIN_TAKEN') return error.message;
    return error.fieldMessage(field);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setCreated(false);
    try {
      await apiCall(userRoutes.create, { body: values });
      setValues(EMPTY);
      setCreated(true);
      onCreated();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="add-user-title">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="add-user-title">
              Ajouter un utilisateur
            </Title>
            <Text size="sm" c="dimmed">
              L'utilisateur reçoit son identifiant par email ; communiquez-lui vous-même son mot de passe provisoire.
            </Text>
          </div>
          <RequiredNote />
          {created && (
            <Notification
              color="green"
              withBorder
              onClose={() => setCreated(false)}
              role="status"
              closeButtonProps={{ 'aria-label': 'Fermer' }}
            >
              Utilisateur créé.
            </Notification>
          )}
          <ErrorAlert error={error} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Prénom"
                name="firstName"
                autoComplete="off"
                value={values.firstName}
                onChange={set('firstName')}
                error={fieldError('firstName')}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Nom"
                name="lastName"
                autoComplete="off"
                value={values.lastName}
                onChange={set('lastName')}
                error={fieldError('lastName')}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="off"
                value={values.email}
                onChange={set('email')}
                error={fieldError('email')}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Identifiant"
                name="login"
                description="3 à 50 caractères : lettres, chiffres, point, tiret"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={values.login}
                onChange={set('login')}
                error={fieldError('login')}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label="Rôle"
                name="role"
                data={ROLE_OPTIONS}
                value={values.role}
                onChange={set('role')}
                error={fieldError('role')}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PasswordField
                label="Mot de passe provisoire"
                name="password"
                description="12 caractères minimum"
                autoComplete="new-password"
                value={values.password}
                onChange={set('password')}
                error={fieldError('password')}
                required
              />
            </Grid.Col>
          </Grid>
          <Button type="submit" loading={submitting} w="fit-content">
            Ajouter l'utilisateur
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
