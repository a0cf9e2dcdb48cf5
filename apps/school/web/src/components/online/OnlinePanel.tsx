import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { formatInstantDate } from '../../format.ts';
import { placesSaveError, studentPlaceRecord, studentPlacesBody } from '../../studentPlaces.ts';
import type { Dossier, OnlineAction, OnlineApplication, OnlineOverview, PlaceRecord, Student } from '../../types.ts';
import { PlacesCheckModal } from '../PlacesCheckModal.tsx';
import { AntsProgress } from './AntsProgress.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { DocumentsModal } from './DocumentsModal.tsx';
import { EditEphotoModal, ViewEphotoModal } from './EphotoModals.tsx';
import { PiecesModal } from './PiecesModal.tsx';
import { TransferModal } from './TransferModal.tsx';
import { SLOW_NOTE, useAntsCall } from './useAntsCall.ts';

type Popup =
  | 'pieces'
  | 'ephoto'
  | 'viewEphoto'
  | 'documents'
  | 'deleteEphoto'
  | 'delete'
  | 'transfer'
  | 'places'
  | null;

const BUTTONS: { action: OnlineAction; label: string; color?: string }[] = [
  { action: 'pieces', label: 'Envoyer / Consulter les pièces justificatives' },
  { action: 'ephoto', label: 'Ajouter / Modifier la ePhoto' },
  { action: 'validate', label: 'Valider la demande' },
  { action: 'complete', label: "Renvoyer la demande complétée à l'instruction" },
  { action: 'documents', label: 'Editer les documents' },
  { action: 'viewEphoto', label: 'Consulter la ePhoto' },
  { action: 'deleteEphoto', label: 'Supprimer la ePhoto', color: 'red' },
  { action: 'delete', label: 'Supprimer la demande', color: 'red' },
];

/**
 * "Informations concernant les demandes faites en ligne" and every action of seed 002 on the
 * student's online application, with the seed's enabled / disabled buttons.
 */
export function OnlinePanel({
  student,
  dossier,
  overview,
  onChanged,
}: {
  student: Student;
  dossier: Dossier;
  overview: OnlineOverview;
  onChanged: () => void;
}) {
  const [popup, setPopup] = useState<Popup>(null);
  const [type, setType] = useState<'02' | '06'>(overview.canEnter['02'] ? '02' : '06');
  const [notice, setNotice] = useState<string | null>(null);
  const call = useAntsCall();
  // One key per application being entered: a retry after a lost answer cannot make a second one.
  const pendingKey = useRef<string | null>(null);
  const current = overview.applications[0] ?? null;
  const studentPath = `/api/students/${encodeURIComponent(student.id)}`;
  const base = current ? `${studentPath}/online/${encodeURIComponent(current.number)}` : '';

  const act = (label: string, work: () => Promise<string | undefined>) =>
    call.run(label, async () => {
      setNotice(null);
      const message = await work();
      if (message) setNotice(message);
      onChanged();
    });

  const enter = async (record: PlaceRecord) => {
    try {
      await api.put(`${studentPath}/places`, studentPlacesBody(record));
      pendingKey.current ??= crypto.randomUUID();
      const answer = await api.post<{ application: OnlineApplication; ephotoError: string | null }>(
        `${studentPath}/online`,
        { type, idempotencyKey: pendingKey.current },
      );
      pendingKey.current = null;
      setPopup(null);
      setNotice(
        `Demande n° ${answer.application.number} enregistrée en brouillon sur le site de l'ANTS.${
          answer.ephotoError ? ` Le code ePhoto n'a pas été accepté : ${answer.ephotoError}` : ''
        }`,
      );
      onChanged();
    } catch (caught) {
      // Field errors of the national service go under the popup's rows (in yellow).
      throw placesSaveError(caught);
    }
  };

  const onAction = (action: OnlineAction) => {
    if (!current) return;
    if (action === 'validate') {
      void act('Validation de la demande sur le site de l’ANTS…', async () => {
        await api.post(`${base}/validate`);
        return current.paperMandate
          ? 'Demande validée : elle part à l’instruction (mandat papier).'
          : "Demande validée : un courriel et un SMS invitent l'élève à la valider sous 7 jours.";
      });
    } else if (action === 'complete') {
      void act('Envoi de la demande complétée…', async () => {
        await api.post(`${base}/complete`);
        return "Demande complétée renvoyée à l'instruction.";
      });
    } else if (action === 'refresh') {
      void act('Mise à jour depuis le site de l’ANTS…', async () => {
        await api.post(`${base}/refresh`);
        return undefined;
      });
    } else setPopup(action);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="online-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="online-title">
            Informations concernant les demandes faites en ligne
          </Title>
          {current && (
            <Button
              variant="default"
              size="xs"
              onClick={() => onAction('refresh')}
              disabled={!current.actions.refresh.enabled}
            >
              Mettre à jour
            </Button>
          )}
        </Group>
        {!overview.office.ready && (
          <Alert color="orange" variant="light">
            Le bureau {overview.office.name} n'a pas d'agrément pour Cerfa complet : le dirigeant doit le renseigner
            dans l'Espace Dirigeant &gt; Paramètres &gt; Bureaux avant toute demande en ligne.
          </Alert>
        )}
        <AntsProgress call={call} />
        {notice && (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel="Fermer le message"
          >
            {notice}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Info label="N° de demande">{current?.number ?? '0'}</Info>
          <Info label="Statut">{current ? <Badge radius="sm">{current.stateLabel}</Badge> : ''}</Info>
          <Info label="Type">{current ? `Cerfa ${current.type}` : ''}</Info>
          <Info label="Date de création">{current ? formatInstantDate(current.createdAt) : ''}</Info>
          <Info label="Date de modification">{current ? formatInstantDate(current.updatedAt) : ''}</Info>
          <Info label="Transférée">{current?.transferred ? 'Oui' : 'Non'}</Info>
          {current?.neph && <Info label="N° NEPH">{current.neph}</Info>}
          {current?.stateReason && <Info label="Motif">{current.stateReason}</Info>}
        </SimpleGrid>
        <Group gap="xs">
          {BUTTONS.map(({ action, label, color }) => {
            const availability = current?.actions[action] ?? {
              enabled: false,
              reason: "Aucune demande en ligne n'est enregistrée.",
            };
            if (action === 'complete' && !availability.enabled) return null;
            const button = (
              <Button
                key={action}
                size="xs"
                variant={availability.enabled ? 'filled' : 'default'}
                color={availability.enabled ? (color ?? 'yellow.5') : undefined}
                c={availability.enabled && !color ? 'dark' : undefined}
                disabled={!availability.enabled || call.busy !== null}
                onClick={() => onAction(action)}
              >
                {label}
              </Button>
            );
            return availability.reason ? (
              <Tooltip key={action} label={availability.reason} withArrow>
                <span>{button}</span>
              </Tooltip>
            ) : (
              button
            );
          })}
        </Group>

        <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Impression Cerfa
            </Text>
            <Radio.Group value={type} onChange={(value) => setType(value as '02' | '06')} aria-label="Type de Cerfa">
              <Group>
                <Radio value="02" label="Cerfa 02" />
                <Radio value="06" label="Cerfa 06" />
              </Group>
            </Radio.Group>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => setPopup('places')}
                disabled={!overview.canEnter[type] || !overview.office.ready || call.busy !== null}
              >
                Enregistrer la demande en ligne
              </Button>
              <Anchor href={`${studentPath}/cerfa/${type}`} size="sm" target="_blank">
                Imprimer le Cerfa {type} (PDF)
              </Anchor>
              <Button size="xs" variant="default" onClick={() => setPopup('transfer')}>
                Transférer une demande
              </Button>
            </Group>
            {!overview.canEnter[type] && (
              <Text size="xs" c="dimmed">
                Une demande Cerfa {type} est déjà en cours pour cet élève.
              </Text>
            )}
          </Stack>
        </Paper>
      </Stack>

      <PlacesCheckModal
        opened={popup === 'places'}
        onClose={() => setPopup(null)}
        initial={studentPlaceRecord(student, dossier)}
        onValidate={enter}
        slowNote={SLOW_NOTE}
      />
      <TransferModal
        opened={popup === 'transfer'}
        onClose={() => setPopup(null)}
        studentId={student.id}
        onTransferred={onChanged}
      />
      {current && (
        <>
          <PiecesModal
            opened={popup === 'pieces'}
            onClose={() => {
              setPopup(null);
              onChanged();
            }}
            base={base}
            application={current}
            onValidate={() => onAction('validate')}
          />
          <EditEphotoModal
            opened={popup === 'ephoto'}
            onClose={() => setPopup(null)}
            base={base}
            application={current}
            initialCode={current.type === '02' ? dossier.ephotoCode02 : dossier.ephotoCode06}
            onSaved={() => setNotice('Code ePhoto associé à la demande.')}
          />
          <ViewEphotoModal opened={popup === 'viewEphoto'} onClose={() => setPopup(null)} base={base} />
          <DocumentsModal opened={popup === 'documents'} onClose={() => setPopup(null)} base={base} />
          <DeleteEphotoModal
            opened={popup === 'deleteEphoto'}
            application={current}
            onClose={() => setPopup(null)}
            onConfirm={() =>
              void act('Suppression de la ePhoto…', async () => {
                await api.delete(`${base}/ephoto`);
                return 'ePhoto supprimée.';
              })
            }
          />
          <ConfirmModal
            opened={popup === 'delete'}
            title="Supprimer la demande"
            confirmLabel="Oui, supprimer"
            onClose={() => setPopup(null)}
            onConfirm={() =>
              void act('Suppression de la demande sur le site de l’ANTS…', async () => {
                await api.delete(base);
                return `Demande n° ${current.number} supprimée.`;
              })
            }
          >
            La demande n° {current.number} sera supprimée du site de l'ANTS. Une demande se supprime uniquement au
            statut brouillon ou en cours de validation par l'élève.
          </ConfirmModal>
        </>
      )}
    </Paper>
  );
}

/** "Supprimer la ePhoto": tick the type of application, then "Oui, supprimer". */
function DeleteEphotoModal({
  opened,
  application,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  application: OnlineApplication;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const [ticked, setTicked] = useState(false);
  return (
    <ConfirmModal
      opened={opened}
      title="Supprimer la ePhoto"
      confirmLabel="Oui, supprimer"
      onClose={() => {
        setTicked(false);
        onClose();
      }}
      onConfirm={() => {
        setTicked(false);
        onConfirm();
      }}
      confirmDisabled={!ticked}
    >
      <Checkbox
        label={`Cerfa ${application.type}`}
        checked={ticked}
        onChange={(event) => setTicked(event.currentTarget.checked)}
        description="Cochez le type de demande dont la ePhoto doit être supprimée."
      />
    </ConfirmModal>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label} :
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}
