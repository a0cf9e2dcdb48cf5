import { Alert, Anchor, Button, Group, Image, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { onlineFiles, onlineRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { apiCall, filePath } from '../../api.ts';
import { formatInstantDate } from '../../format.ts';
import type { ApplicationTarget, OnlineApplication } from '../../types.ts';
import { useApiCall } from '../../useApiData.ts';
import { AntsProgress } from './AntsProgress.tsx';
import { useAntsCall } from './useAntsCall.ts';

/** "Modifier la photo / signature": the ePhoto code of the draft, or the paper form to download. */
export function EditEphotoModal({
  opened,
  onClose,
  target,
  application,
  initialCode,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  target: ApplicationTarget;
  application: OnlineApplication;
  initialCode: string;
  onSaved: () => void;
}) {
  const [code, setCode] = useState(initialCode);
  const call = useAntsCall();
  const save = () =>
    call.run('Envoi du code ePhoto au site de l’ANTS…', async () => {
      await apiCall(onlineRoutes.setEphoto, { params: target, body: { code } });
      onSaved();
      onClose();
    });
  return (
    <Modal opened={opened} onClose={onClose} title="Modifier la photo / signature">
      <Stack gap="sm">
        <AntsProgress call={call} />
        <TextInput
          label="Code ePhoto à associer à la demande :"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          description="22 lettres et chiffres, donnés par la cabine photo agréée ; un code ne sert qu'une fois."
        />
        <Radio.Group label="Type de demande" value={application.type}>
          <Group mt={4}>
            <Radio value="02" label="Cerfa 02" disabled={application.type !== '02'} />
            <Radio value="06" label="Cerfa 06" disabled={application.type !== '06'} />
          </Group>
        </Radio.Group>
        {application.type === '02' && (
          <Text size="sm">
            Ou téléchargez le Formulaire de dépôt de photo-signature :{' '}
            <Anchor href={filePath(onlineFiles.document, { ...target, kind: 'photo_signature_form' })} download>
              Télécharger
            </Anchor>
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void save()} loading={call.busy !== null}>
            Enregistrer la ePhoto
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Consulter la ePhoto": the photo and the signature, each downloadable. */
export function ViewEphotoModal({
  opened,
  onClose,
  target,
}: {
  opened: boolean;
  onClose: () => void;
  target: ApplicationTarget;
}) {
  const { data, error, loading } = useApiCall(onlineRoutes.ephoto, opened ? { params: target } : null);
  return (
    <Modal opened={opened} onClose={onClose} title="Consulter la ePhoto" size="lg">
      {loading && <Text role="status">Chargement depuis le site de l'ANTS…</Text>}
      {error && (
        <Alert color="red" variant="light">
          {error.message}
        </Alert>
      )}
      {data && !data.ephoto && <Text>Aucune ePhoto n'est associée à cette demande.</Text>}
      {data?.ephoto && (
        <Stack gap="sm">
          <Text size="sm">
            Code {data.ephoto.code} — {data.ephoto.booth}, le {formatInstantDate(data.ephoto.issuedAt)}
          </Text>
          <SimpleGrid cols={2}>
            {(['photo', 'signature'] as const).map((image) => (
              <Stack key={image} gap={4} align="center">
                <Image
                  src={filePath(onlineFiles.ephotoImage, { ...target, image })}
                  alt={image === 'photo' ? "Photo d'identité de l'élève" : "Signature de l'élève"}
                  h={180}
                  fit="contain"
                />
                <Anchor href={filePath(onlineFiles.ephotoImage, { ...target, image })} download size="sm">
                  Télécharger la {image}
                </Anchor>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Modal>
  );
}
