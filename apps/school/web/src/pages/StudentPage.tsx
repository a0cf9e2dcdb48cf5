import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { officeRoutes, studentRoutes } from '@permis/school-api/addresses';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { apiCall } from '../api.ts';
import { DossierTab } from '../components/dossier/DossierTab.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InfoList } from '../components/InfoList.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PlacesCheckModal } from '../components/PlacesCheckModal.tsx';
import { StudentDocuments } from '../components/StudentDocuments.tsx';
import { StudentForm } from '../components/StudentForm.tsx';
import { formatDate, formatInstantDate } from '../format.ts';
import { placesSaveError, studentPlaceRecord, studentPlacesBody } from '../studentPlaces.ts';
import type { Drift, OfficeSummary, PlaceRecord, Student } from '../types.ts';
import { useApiCall } from '../useApiData.ts';
import type { StudentListState } from './StudentsPage.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEX_LABELS: Record<Student['sex'], string> = { F: 'Féminin', M: 'Masculin' };
const QUALITY_LABELS = { father: 'Père', mother: 'Mère', guardian: 'Tuteur' } as const;

/** Espace Clients › Élèves › fiche élève: read-only, except its places (the verification popup). */
export function StudentPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  // A malformed address is not worth a request: no student can have that id.
  const validId = UUID.test(id);
  const { data, error, loading, reload } = useApiCall(studentRoutes.student, validId ? { params: { id } } : null);
  const offices = useApiCall(officeRoutes.list, {});
  const student = data?.student;
  const listSearch = (location.state as StudentListState)?.listSearch;

  return (
    <>
      <Anchor
        component={Link}
        to={listSearch ? `/clients?${listSearch}` : '/clients'}
        size="sm"
        mb="sm"
        display="inline-block"
      >
        <span aria-hidden="true">← </span>
        Retour à la liste des élèves
      </Anchor>
      {loading && !student ? (
        <>
          <PageHeader title="Fiche élève" trail="Espace Clients › Élèves" />
          <Loading />
        </>
      ) : !student ? (
        <>
          <PageHeader title="Fiche élève" trail="Espace Clients › Élèves" />
          <ErrorAlert error={error} />
          {!validId && <Text>Cette adresse ne correspond à aucune fiche élève.</Text>}
        </>
      ) : (
        <StudentFiche student={student} offices={offices.data?.offices ?? []} onChanged={reload} />
      )}
    </>
  );
}

type StudentFicheProps = { student: Student; offices: OfficeSummary[]; onChanged: () => void };

const TABS = { fiche: 'Fiche', documents: 'Documents', dossier: 'Formation › Dossier 02 - 06' } as const;
type Tab = keyof typeof TABS;

function StudentFiche({ student, offices, onChanged }: StudentFicheProps) {
  const officeName = offices.find((o) => o.id === student.officeId)?.name;
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('onglet');
  const tab: Tab = requested && requested in TABS ? (requested as Tab) : 'fiche';
  const [editing, setEditing] = useState(false);
  const [placesOpened, setPlacesOpened] = useState(false);
  const [placesSaved, setPlacesSaved] = useState(false);
  const [drift, setDrift] = useState<Drift[]>([]);
  const places = useMemo(() => studentPlaceRecord(student), [student]);

  const savePlaces = async (record: PlaceRecord) => {
    try {
      await apiCall(studentRoutes.places, { params: { id: student.id }, body: studentPlacesBody(record) });
    } catch (caught) {
      throw placesSaveError(caught);
    }
    setPlacesOpened(false);
    setPlacesSaved(true);
    onChanged();
  };

  return (
    <>
      <PageHeader title={`${student.birthName} ${student.firstName}`} trail="Espace Clients › Élèves › Fiche élève">
        <Group gap="xs">
          {officeName && (
            <Badge variant="light" color="blue" radius="sm">
              Bureau {officeName}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            Fiche créée le {formatInstantDate(student.createdAt)}, modifiée le {formatInstantDate(student.updatedAt)}
          </Text>
        </Group>
      </PageHeader>
      <Tabs
        value={tab}
        onChange={(value) => setSearchParams(value && value !== 'fiche' ? { onglet: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {(Object.keys(TABS) as Tab[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {TABS[key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="fiche">
          {editing ? (
            <StudentForm
              student={student}
              offices={offices}
              onSaved={(_saved, changed) => {
                setEditing(false);
                setDrift(changed);
                onChanged();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <Stack gap="sm" mb="md" align="flex-start">
                <Button
                  variant="default"
                  onClick={() => {
                    setPlacesSaved(false);
                    setPlacesOpened(true);
                  }}
                >
                  Vérifier les villes, départements et pays
                </Button>
                <Button variant="default" onClick={() => setEditing(true)}>
                  Modifier la fiche
                </Button>
                {drift.length > 0 && (
                  <Alert
                    color="orange"
                    variant="light"
                    role="alert"
                    title="Fiche enregistrée : la demande en ligne garde les anciennes informations"
                    w="100%"
                  >
                    <Stack gap={4}>
                      {drift.map((d) => (
                        <Text key={d.number} size="sm">
                          {d.message}
                        </Text>
                      ))}
                      <Anchor component={Link} to="?onglet=dossier" size="sm" c="inherit" underline="always" fw={700}>
                        Ouvrir le Dossier 02 - 06 pour supprimer puis recréer la demande
                      </Anchor>
                    </Stack>
                  </Alert>
                )}
                {placesSaved && (
                  <Alert
                    color="green"
                    variant="light"
                    role="status"
                    withCloseButton
                    closeButtonLabel="Fermer le message"
                    onClose={() => setPlacesSaved(false)}
                    w="100%"
                  >
                    Villes, départements et pays enregistrés.
                  </Alert>
                )}
              </Stack>
              <PlacesCheckModal
                opened={placesOpened}
                onClose={() => setPlacesOpened(false)}
                initial={places}
                onValidate={savePlaces}
              />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Section title="État civil">
                  <InfoList
                    items={[
                      { label: 'Sexe', value: SEX_LABELS[student.sex] },
                      { label: 'Nom de naissance', value: student.birthName },
                      { label: "Nom d'usage", value: student.usageName },
                      { label: 'Prénom', value: student.firstName },
                      { label: 'Autres prénoms', value: student.otherFirstNames },
                    ]}
                  />
                </Section>
                <Section title="Naissance">
                  <InfoList
                    items={[
                      { label: 'Date de naissance', value: formatDate(student.birthDate) },
                      { label: 'Ville de naissance', value: student.birthCity },
                      { label: 'Département de naissance', value: student.birthDepartment },
                      { label: 'Pays de naissance', value: student.birthCountry },
                    ]}
                  />
                </Section>
                <Section title="Adresse">
                  <InfoList
                    items={[
                      { label: 'Adresse', value: student.addressLine },
                      { label: 'Code postal', value: student.postalCode },
                      { label: 'Ville', value: student.city },
                    ]}
                  />
                </Section>
                <Section title="Contact">
                  <InfoList
                    items={[
                      { label: 'Email', value: student.email },
                      { label: 'Téléphone portable', value: formatPhone(student.mobile) },
                    ]}
                  />
                </Section>
                {student.legalRepresentative && (
                  <Section title="Représentant légal">
                    <InfoList
                      items={[
                        { label: 'Qualité', value: QUALITY_LABELS[student.legalRepresentative.quality] },
                        {
                          label: 'Nom',
                          value: `${student.legalRepresentative.lastName} ${student.legalRepresentative.firstName}`,
                        },
                        { label: 'Adresse', value: student.legalRepresentative.addressLine1 },
                        {
                          label: 'Ville',
                          value: `${student.legalRepresentative.postalCode} ${student.legalRepresentative.city}`,
                        },
                      ]}
                    />
                  </Section>
                )}
              </SimpleGrid>
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <StudentDocuments studentId={student.id} />
        </Tabs.Panel>
        <Tabs.Panel value="dossier">
          <DossierTab student={student} onStudentChanged={onChanged} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** "0612345678" as "06 12 34 56 78"; anything else as typed. */
function formatPhone(value: string): string {
  return /^0\d{9}$/.test(value) ? value.replace(/(\d{2})(?=\d)/g, '$1 ') : value;
}
