import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { AntsProgress } from '../components/online/AntsProgress.tsx';
import { useAntsCall } from '../components/online/useAntsCall.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import type { Office, Prefecture } from '../types.ts';
import { useApiData } from '../useApiData.ts';
import { useForm } from '../useForm.ts';

export const PREFECTURES_NOTE =
  "* Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";

/** Espace Dirigeant › Paramètres › Bureaux: each office, its address and its "Agrément pour Cerfa". */
export function OfficesPage() {
  const { data, error, loading, reload } = useApiData<{ offices: Office[] }>('/api/dirigeant/offices');

  return (
    <>
      <PageHeader title="Bureaux" trail="Espace Dirigeant › Paramètres" />
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && (
        <Stack gap="md">
          {data.offices.length === 0 && <Text>Aucun bureau n'est enregistré.</Text>}
          {data.offices.map((office) => (
            <OfficeForm key={office.id} office={office} onSaved={reload} />
          ))}
          <Text size="sm" c="dimmed">
            Les identifiants pris en compte pour envoyer les demandes sur le site de l'ANTS depuis la fiche élève sont
            ceux du bureau responsable de l'élève.
          </Text>
        </Stack>
      )}
    </>
  );
}

type Values = {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string;
  cerfaAgrement: string;
  antsLogin: string;
  antsPassword: string;
  prefectureCode: string;
};

/** One office: its address and the Agrément pour Cerfa, the préfectures asked with the typed credentials. */
function OfficeForm({ office, onSaved }: { office: Office; onSaved: () => void }) {
  const headingId = `bureau-${office.id}`;
  const form = useForm<Values>({
    name: office.name,
    addressLine: office.addressLine,
    postalCode: office.postalCode,
    city: office.city,
    phone: office.phone,
    cerfaAgrement: office.cerfaAgrement ?? '',
    antsLogin: office.antsLogin ?? '',
    antsPassword: '',
    prefectureCode: office.prefectureCode ?? '',
  });
  const { values, text } = form;
  const [prefectures, setPrefectures] = useState<Prefecture[]>(
    office.prefectureCode
      ? [
          {
            code: office.prefectureCode,
            name: office.prefectureName ?? '',
            label: office.prefectureName ?? '',
            kind: '',
            department: '',
          },
        ]
      : [],
  );
  const [saved, setSaved] = useState(false);
  const call = useAntsCall();
  const complete = Boolean(office.cerfaAgrement && office.antsLogin && office.hasAntsPassword);

  const fetchPrefectures = () =>
    call.run("Recherche des préfectures sur le site de l'ANTS…", async () => {
      const answer = await api.post<{ prefectures: Prefecture[] }>(
        `/api/dirigeant/offices/${encodeURIComponent(office.id)}/prefectures`,
        {
          postalCode: values.postalCode,
          cerfaAgrement: values.cerfaAgrement,
          antsLogin: values.antsLogin,
          antsPassword: values.antsPassword,
        },
      );
      setPrefectures(answer.prefectures);
      if (!answer.prefectures.some((p) => p.code === values.prefectureCode)) {
        form.set('prefectureCode', answer.prefectures[0]?.code ?? '');
      }
    });

  const save = form.submit(async (current) => {
    setSaved(false);
    const chosen = prefectures.find((p) => p.code === current.prefectureCode);
    await api.put(`/api/dirigeant/offices/${encodeURIComponent(office.id)}`, {
      ...current,
      prefectureName: chosen?.name ?? '',
    });
    form.set('antsPassword', '');
    setSaved(true);
    onSaved();
  });

  const fieldError = (field: keyof Values) => form.error?.fieldMessage(field) ?? call.error?.fieldMessage(field);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid="office">
      <form onSubmit={save} noValidate>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="xs">
            <Title order={2} size="h3" id={headingId}>
              {office.name}
            </Title>
            <TextInput label="Nom du bureau" {...text('name')} />
            <TextInput label="Adresse" {...text('addressLine')} />
            <Group grow>
              <TextInput label="Code postal" {...text('postalCode')} error={fieldError('postalCode')} />
              <TextInput label="Ville" {...text('city')} />
            </Group>
            <TextInput label="Téléphone" {...text('phone')} />
          </Stack>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                Agrément pour Cerfa
              </Title>
              {complete ? (
                <Badge color="green" variant="light" radius="sm">
                  Identifiants ANTS renseignés
                </Badge>
              ) : (
                <Badge color="orange" variant="light" radius="sm">
                  À compléter
                </Badge>
              )}
            </Group>
            <TextInput label="Numéro d'agrément Cerfa" {...text('cerfaAgrement')} error={fieldError('cerfaAgrement')} />
            <TextInput
              label="Identifiant ANTS"
              autoComplete="off"
              {...text('antsLogin')}
              error={fieldError('antsLogin')}
            />
            <PasswordField
              label="Mot de passe ANTS"
              autoComplete="new-password"
              description={
                office.hasAntsPassword ? 'Enregistré (jamais affiché) : laissez vide pour le garder.' : 'Non renseigné.'
              }
              value={values.antsPassword}
              onChange={(event) => form.set('antsPassword', event.currentTarget.value)}
              error={fieldError('antsPassword')}
            />
            <Group align="flex-end" wrap="nowrap">
              <NativeSelect
                label="Préfecture"
                style={{ flex: 1 }}
                data={[
                  { value: '', label: prefectures.length ? 'Choisissez la préfecture' : 'non choisie' },
                  ...prefectures.map((p) => ({ value: p.code, label: p.label || p.name })),
                ]}
                {...text('prefectureCode')}
              />
              <Button variant="default" onClick={() => void fetchPrefectures()} loading={call.busy !== null}>
                Mettre à jour la liste des préfectures
              </Button>
            </Group>
            <AntsProgress call={call} />
            <Text size="sm" c="dimmed" fs="italic">
              {PREFECTURES_NOTE}
            </Text>
          </Stack>
        </SimpleGrid>
        {form.error && (
          <Alert color="red" variant="light" mt="md">
            {form.error.message}
          </Alert>
        )}
        <Group mt="md">
          <Button type="submit" loading={form.submitting}>
            Enregistrer
          </Button>
          {saved && (
            <Text size="sm" fw={600} role="status">
              Bureau enregistré.
            </Text>
          )}
        </Group>
      </form>
    </Paper>
  );
}
