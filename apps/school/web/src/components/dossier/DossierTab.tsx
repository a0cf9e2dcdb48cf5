import { Stack } from '@mantine/core';
import { onlineRoutes, studentRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import type { Student } from '../../types.ts';
import { useApiCall } from '../../useApiData.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Loading } from '../Loading.tsx';
import { OnlinePanel } from '../online/OnlinePanel.tsx';
import { DossierForm } from './DossierForm.tsx';

/** Formation › "Dossier 02 - 06": the online application block above the dossier's form. */
export function DossierTab({ student, onStudentChanged }: { student: Student; onStudentChanged: () => void }) {
  const params = { params: { id: student.id } };
  const dossier = useApiCall(studentRoutes.dossier, params);
  // Refreshed every 10 s: what the national service pushes appears without "Mettre à jour"; not while
  // a popup is open, so nothing moves under the user's pointer (a click landed beside its button).
  const [popupOpen, setPopupOpen] = useState(false);
  const online = useApiCall(onlineRoutes.overview, params, { refreshMs: popupOpen ? undefined : 10000 });
  const prefectures = useApiCall(onlineRoutes.prefectures, params);

  if ((dossier.loading && !dossier.data) || (online.loading && !online.data)) return <Loading />;
  if (!dossier.data || !online.data) return <ErrorAlert error={dossier.error ?? online.error} />;
  return (
    <Stack gap="md">
      <OnlinePanel
        student={student}
        dossier={dossier.data.dossier}
        overview={online.data}
        onPopupChange={setPopupOpen}
        onChanged={() => {
          online.reload();
          dossier.reload();
          onStudentChanged();
        }}
      />
      <DossierForm
        studentId={student.id}
        birthDate={student.birthDate}
        dossier={dossier.data.dossier}
        prefectures={prefectures.data?.prefectures ?? (prefectures.loading ? [] : null)}
        officePrefecture={online.data.office.prefectureName}
        onSaved={dossier.reload}
      />
    </Stack>
  );
}
