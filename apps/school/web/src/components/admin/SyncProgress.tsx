import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { formatInstantDate } from '../../format.ts';
import type { SyncRun } from '../../types.ts';

const GOING: SyncRun['status'][] = ['queued', 'running', 'waiting'];

/** The live progress of "Mettre à jour depuis le site de la préfecture" (polled while it runs). */
export function SyncProgress({ run, onPoll, onDone }: { run: SyncRun | null; onPoll: () => void; onDone: () => void }) {
  const going = run !== null && GOING.includes(run.status);
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(onPoll, 1000);
    return () => clearInterval(timer);
  }, [going, onPoll]);
  const status = run?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the list once each run ends.
  useEffect(() => {
    if (status === 'done') onDone();
  }, [status, run?.id]);

  if (!run) return null;
  const percent = run.total
    ? Math.min(100, Math.round((run.fetched / run.total) * 100))
    : run.status === 'done'
      ? 100
      : 0;
  return (
    <Stack gap={4} aria-live="polite">
      {run.status === 'waiting' ? (
        <Alert color="orange" variant="light" title="Mise à jour en attente">
          {run.error}
        </Alert>
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" role="status">
              {run.status === 'done'
                ? `Mise à jour terminée le ${formatInstantDate(run.finishedAt)} : ${run.fetched} demande${run.fetched > 1 ? 's' : ''} reçue${run.fetched > 1 ? 's' : ''}.`
                : run.status === 'queued'
                  ? 'Mise à jour en file d’attente…'
                  : `Mise à jour en cours : ${run.fetched}${run.total !== null ? ` / ${run.total}` : ''} demandes reçues…`}
            </Text>
          </Group>
          <Progress value={percent} aria-label="Progression de la mise à jour" animated={going} />
        </>
      )}
    </Stack>
  );
}
