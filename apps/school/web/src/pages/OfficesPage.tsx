import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InfoList } from '../components/InfoList.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import type { Office } from '../types.ts';
import { useApiData } from '../useApiData.ts';

/** Espace Dirigeant › Paramètres › Bureaux: each office and its "Agrément pour Cerfa". */
export function OfficesPage() {
  const { data, error, loading } = useApiData<{ offices: Office[] }>('/api/dirigeant/offices');

  return (
    <>
      <PageHeader title="Bureaux" trail="Espace Dirigeant › Paramètres" />
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && (
        <Stack gap="md">
          {data.offices.length === 0 && <Text>Aucun bureau n'est enregistré.</Text>}
          {data.offices.map((office) => (
            <OfficeCard key={office.id} office={office} />
          ))}
          <Text size="sm" c="dimmed" fs="italic">
            * Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la
            liste des préfectures.
          </Text>
        </Stack>
      )}
    </>
  );
}

function OfficeCard({ office }: { office: Office }) {
  const headingId = `bureau-${office.id}`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid="office">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap={6}>
          <Title order={2} size="h3" id={headingId}>
            {office.name}
          </Title>
          <Text size="sm">{office.addressLine}</Text>
          <Text size="sm">
            {office.postalCode} {office.city}
          </Text>
          {office.phone && <Text size="sm">Tél. {office.phone}</Text>}
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Agrément pour Cerfa
            </Title>
            {office.cerfaAgrement && office.antsLogin && office.hasAntsPassword ? (
              <Badge color="green" variant="light" radius="sm">
                Identifiants ANTS renseignés
              </Badge>
            ) : (
              <Badge color="orange" variant="light" radius="sm">
                À compléter
              </Badge>
            )}
          </Group>
          <InfoList
            items={[
              { label: "Numéro d'agrément Cerfa", value: office.cerfaAgrement ?? '' },
              { label: 'Identifiant ANTS', value: office.antsLogin ?? '' },
              // The password never reaches the page: only whether one is stored.
              { label: 'Mot de passe ANTS', value: office.hasAntsPassword ? 'enregistré' : '' },
              { label: 'Préfecture', value: office.prefectureName ?? <NotChosen /> },
            ]}
          />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function NotChosen() {
  return (
    <Text component="span" size="sm" c="dimmed" fs="italic">
      non choisie
    </Text>
  );
}
