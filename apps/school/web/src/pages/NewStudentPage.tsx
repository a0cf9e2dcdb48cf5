import { Paper } from '@mantine/core';
import { officeRoutes } from '@permis/school-api/addresses';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { StudentForm } from '../components/StudentForm.tsx';
import { useApiCall } from '../useApiData.ts';

/** Espace Clients › Nouvel élève: the fiche, then the student's page. */
export function NewStudentPage() {
  const navigate = useNavigate();
  const offices = useApiCall(officeRoutes.list, {});
  return (
    <>
      <PageHeader title="Nouvel élève" trail="Espace Clients › Élèves" />
      <ErrorAlert error={offices.error} />
      {offices.loading && !offices.data && <Loading />}
      {offices.data && (
        <Paper withBorder radius="md" p="md">
          <StudentForm
            student={null}
            offices={offices.data.offices}
            onSaved={(student) => navigate(`/clients/${student.id}`)}
            onCancel={() => navigate('/clients')}
          />
        </Paper>
      )}
    </>
  );
}
