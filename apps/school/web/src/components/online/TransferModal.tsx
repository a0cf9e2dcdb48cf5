import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { onlineRoutes } from '@permis/school-api/addresses';
import { useState } from 'react';
import { apiCall } from '../../api.ts';
import { AntsProgress } from './AntsProgress.tsx';
import { useAntsCall } from './useAntsCall.ts';

/**
 * "Demande de transfert d'une demande en ligne": by its number and the agrément number of the
 * school that holds it (the agency moves it only if both, and the student, match), onto this
 * student's fiche.
 */
export function TransferModal({
  opened,
  onClose,
  studentId,
  onTransferred,
}: {
  opened: boolean;
  onClose: () => void;
  studentId: string;
  onTransferred: () => void;
}) {
  const [number, setNumber] = useState('');
  const [agrement, setAgrement] = useState('');
  const call = useAntsCall();
  const transfer = () =>
    call.run('Transfert de la demande sur le site de l’ANTS…', async () => {
      await apiCall(onlineRoutes.transfer, {
        params: { id: studentId },
        body: { number: number.trim(), holderAgrementNumber: agrement.trim() },
      });
      setNumber('');
      setAgrement('');
      onTransferred();
      onClose();
    });
  return (
    <Modal opened={opened} onClose={onClose} title="Demande de transfert d'une demande en ligne">
      <Stack gap="sm">
        <Text size="sm">
          En cas de changement d'auto-école ou d'agence, la demande passe sur la fiche de l'élève en cours.
        </Text>
        <AntsProgress call={call} />
        <TextInput
          label="Saisissez le numéro de la demande à transférer :"
          inputMode="numeric"
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={call.error?.fieldMessage('number')}
        />
        <TextInput
          label="N° d'agrément de l'école de conduite qui détient la demande :"
          description="Demandez-le à l'élève ou à son ancienne école de conduite (il figure sur ses documents)."
          value={agrement}
          onChange={(event) => setAgrement(event.currentTarget.value)}
          error={call.error?.fieldMessage('holderAgrementNumber')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void transfer()} loading={call.busy !== null}>
            Demande de transfert
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
