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
import { officeRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { apiCall } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { AntsProgress } from '../components/online/AntsProgress.tsx';
import { useAntsCall } from '../components/online/useAntsCall.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { formatInstant, formatInstantDate } from '../format.ts';
import type { CredentialsCheck, Office, Prefecture } from '../types.ts';
import { useApiCall } from '../useApiData.ts';
import { useForm } from '../useForm.ts';

export const PREFECTURES_NOTE =
  "* Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";

/** Espace Dirigeant › Paramètres › Bureaux: each office, its address and its "Agrément pour Cerfa". */
export function OfficesPage() {
  const { data, error, loading, reload } = useApiCall(officeRoutes.setup, {});

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
  // Until the list is asked for, the office's own préfecture is the one choice shown.
  const [prefectures, setPrefectures] = useState<Pick<Prefecture, 'code' | 'name' | 'label'>[]>(
    office.prefectureCode
      ? [
          {
            code: office.prefectureCode,
            name: office.prefectureName ?? '',
            label: office.prefectureName ?? '',
          },
        ]
      : [],
  );
  const [saved, setSaved] = useState<CredentialsCheck | null>(null);
  const call = useAntsCall();
  const complete = Boolean(office.cerfaAgrement && office.antsLogin && office.hasAntsPassword);

  const fetchPrefectures = () =>
    call.run("Recherche des préfectures sur le site de l'ANTS…", async () => {
      const answer = await apiCall(officeRoutes.prefectures, {
        params: { id: office.id },
        body: {
          postalCode: values.postalCode,
          cerfaAgrement: values.cerfaAgrement,
          antsLogin: values.antsLogin,
          antsPassword: values.antsPassword,
        },
      });
      setPrefectures(answer.prefectures);
      if (!answer.prefectures.some((p) => p.code === values.prefectureCode)) {
        form.set('prefectureCode', answer.prefectures[0]?.code ?? '');
      }
    });

  const save = form.submit(async (current) => {
    setSaved(null);
    const answer = await apiCall(officeRoutes.update, { params: { id: office.id }, body: current });
    form.set('antsPassword', '');
    setSaved(answer.credentials);
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
              <CredentialsBadge office={office} complete={complete} />
            </Group>
            {complete && (
              <Text size="sm">
                {office.antsLastHeardAt
                  ? `Dernières nouvelles du site de l'ANTS : le ${formatInstant(office.antsLastHeardAt)}.`
                  : "Aucune nouvelle du site de l'ANTS pour l'instant."}
              </Text>
            )}
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
            {/* The select takes the whole width: "Sous-préfecture de Saint-Malo" must be readable. */}
            <Stack gap="xs" align="flex-start">
              <NativeSelect
                label="Préfecture"
                w="100%"
                data={[
                  { value: '', label: prefectures.length ? 'Choisissez la préfecture' : 'non choisie' },
                  ...prefectures.map((p) => ({ value: p.code, label: p.label || p.name })),
                ]}
                {...text('prefectureCode')}
              />
              <Button variant="default" onClick={() => void fetchPrefectures()} loading={call.busy !== null}>
                Mettre à jour la liste des préfectures
              </Button>
            </Stack>
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
        {saved && saved !== 'incomplete' && (
          // A success is news, not an alarm: a status (RGAA 7.5); a refusal stays an alert.
          <Alert color={SAVED_COLORS[saved]} variant="light" mt="sm" role={saved === 'accepted' ? 'status' : 'alert'}>
            {SAVED_MESSAGES[saved]}
          </Alert>
        )}
      </form>
    </Paper>
  );
}

const SAVED_COLORS = { accepted: 'green', refused: 'red', unreachable: 'orange' } as const;
const SAVED_MESSAGES = {
  accepted: "Identifiants vérifiés : le site de l'ANTS les accepte.",
  refused:
    "Erreur d'authentification : le site de l'ANTS refuse ces identifiants. Vérifiez le numéro d'agrément, l'identifiant et le mot de passe ANTS, puis enregistrez à nouveau.",
  unreachable:
    "Le site de l'ANTS ne répond pas : les identifiants n'ont pas pu être vérifiés. Ils le seront au prochain enregistrement.",
} as const;

/** What is known of the office's credentials: missing, accepted or refused by the national service, or not tried. */
function CredentialsBadge({ office, complete }: { office: Office; complete: boolean }) {
  if (!complete)
    return (
      <Badge color="orange" variant="light" radius="sm">
        À compléter
      </Badge>
    );
  if (office.antsCredentialsCheck === 'accepted')
    return (
      <Badge color="green" variant="light" radius="sm">
        Identifiants acceptés par l'ANTS
        {office.antsCredentialsCheckedAt ? ` le ${formatInstantDate(office.antsCredentialsCheckedAt)}` : ''}
      </Badge>
    );
  if (office.antsCredentialsCheck === 'refused')
    return (
      <Badge color="red" variant="light" radius="sm">
        Identifiants refusés par l'ANTS
      </Badge>
    );
  return (
    <Badge color="gray" variant="light" radius="sm">
      Identifiants non vérifiés
    </Badge>
  );
}
