import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { ageOn, FIELD_LABELS, inStateSet, jdcError, parisToday } from '@permis/ants-api';
import { referentielContract } from '@permis/referentiel';
import { onlineFiles, onlineRoutes, studentRoutes } from '@permis/school-api/addresses';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, apiCall, filePath } from '../../api.ts';
import { formatInstantDate } from '../../format.ts';
import { isPlaceField, placesSaveError, studentPlaceRecord, studentPlacesBody } from '../../studentPlaces.ts';
import type { Dossier, OnlineAction, OnlineApplication, OnlineOverview, PlaceRecord, Student } from '../../types.ts';
import { ConfirmModal } from '../ConfirmModal.tsx';
import { declarationId } from '../declarationId.ts';
import { PlacesCheckModal } from '../PlacesCheckModal.tsx';
import { AntsProgress } from './AntsProgress.tsx';
import { DocumentsModal } from './DocumentsModal.tsx';
import { EditEphotoModal, ViewEphotoModal } from './EphotoModals.tsx';
import { PiecesModal } from './PiecesModal.tsx';
import { TransferModal } from './TransferModal.tsx';
import { SLOW_NOTE, useAntsCall } from './useAntsCall.ts';

type Popup =
  | 'confirmValidate'
  | 'pieces'
  | 'ephoto'
  | 'viewEphoto'
  | 'documents'
  | 'deleteEphoto'
  | 'delete'
  | 'recreate'
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

/** The id of the sentence that says why an action is inactive (its button is described by it). */
const reasonId = (action: OnlineAction) => `online-action-reason-${action}`;

/**
 * "Informations concernant les demandes faites en ligne" and every action of seed 002 on the
 * student's online application, with the seed's enabled / disabled buttons.
 */
export function OnlinePanel({
  student,
  dossier,
  overview,
  onChanged,
  onPopupChange,
}: {
  student: Student;
  dossier: Dossier;
  overview: OnlineOverview;
  onChanged: () => void;
  /** Whether one of the panel's popups is open (the tab holds its periodic refresh meanwhile). */
  onPopupChange?: (open: boolean) => void;
}) {
  const [popup, setPopup] = useState<Popup>(null);
  useEffect(() => onPopupChange?.(popup !== null), [popup, onPopupChange]);
  const [type, setType] = useState<'02' | '06'>(overview.canEnter['06'] && !overview.canEnter['02'] ? '06' : '02');
  const [notice, setNotice] = useState<string | null>(null);
  // Said once the user tried to send; read from the saved dossier, so an answer saved clears it.
  const [triedToSend, setTriedToSend] = useState(false);
  const blockers = triedToSend ? dossierGaps(student, dossier) : [];
  const call = useAntsCall();
  // One key per application being entered: a retry after a lost answer cannot make a second one.
  const pendingKey = useRef<string | null>(null);
  const current = overview.applications[0] ?? null;
  // A Cerfa 06 follows an accepted Cerfa 02: the fiche keeps showing that registration and its NEPH.
  const registration =
    current?.type === '06'
      ? overview.applications.find((a) => a.type === '02' && inStateSet('granted', a.state))
      : undefined;
  const target = { id: student.id, number: current?.number ?? '' };

  const act = (label: string, work: () => Promise<string | undefined>) =>
    call.run(label, async () => {
      setNotice(null);
      const message = await work();
      if (message) setNotice(message);
      onChanged();
    });

  /** Saves the (corrected) places on the fiche, then enters the application on the national service. */
  const submit = async (record: PlaceRecord) => {
    await apiCall(studentRoutes.places, { params: { id: student.id }, body: studentPlacesBody(record) });
    pendingKey.current ??= crypto.randomUUID();
    const answer = await apiCall(onlineRoutes.enter, {
      params: { id: student.id },
      body: { type, idempotencyKey: pendingKey.current },
    });
    pendingKey.current = null;
    setPopup(null);
    setNotice(
      `Demande n° ${answer.application.number} enregistrée en brouillon sur le site de l'ANTS.${
        answer.ephotoError ? ` Le code ePhoto n'a pas été accepté : ${answer.ephotoError}` : ''
      }`,
    );
    onChanged();
  };

  /** "Valider" of the places popup. */
  const enterFromPopup = async (record: PlaceRecord) => {
    try {
      await submit(record);
    } catch (caught) {
      // Errors about places go under the popup's rows (in yellow); any other is not the popup's
      // business: it closes and the panel says what to change, where.
      if (caught instanceof ApiError && caught.fields.some((f) => !isPlaceField(f.path))) {
        setPopup(null);
        call.setError(caught);
        return;
      }
      throw placesSaveError(caught);
    }
  };

  /**
   * "Enregistrer la demande en ligne": the dossier's own gaps first (said here, not in the places
   * popup); then the places, and the popup only when one of them is not found.
   */
  const startEntering = () => {
    setNotice(null);
    setTriedToSend(true);
    if (dossierGaps(student, dossier).length > 0) return;
    void call.run('Vérification des villes, départements et pays…', async () => {
      const record = studentPlaceRecord(student, dossier);
      const check = await apiCall(referentielContract.checkPlaces, { body: record });
      if (check.fields.some((field) => !field.ok)) {
        setPopup('places');
        return;
      }
      await submit(record);
    });
  };

  const validate = () => {
    if (!current) return;
    void act('Validation de la demande sur le site de l’ANTS…', async () => {
      await apiCall(onlineRoutes.validate, { params: target });
      return current.paperMandate
        ? 'Demande validée : elle part à l’instruction (mandat papier).'
        : "Demande validée : un courriel et un SMS invitent l'élève à la valider sous 7 jours.";
    });
  };

  const onAction = (action: OnlineAction) => {
    if (!current) return;
    if (action === 'validate') {
      // Irreversible: asked first (ConfirmModal below), done by `validate`.
      setPopup('confirmValidate');
    } else if (action === 'complete') {
      void act('Envoi de la demande complétée…', async () => {
        await apiCall(onlineRoutes.complete, { params: target });
        return "Demande complétée renvoyée à l'instruction.";
      });
    } else if (action === 'refresh') {
      void act('Mise à jour depuis le site de l’ANTS…', async () => {
        await apiCall(onlineRoutes.refresh, { params: target });
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
        {blockers.length > 0 && (
          <Alert color="red" variant="light" title="Dossier à compléter avant l'envoi">
            <List size="sm">
              {blockers.map((gap) => (
                <List.Item key={gap.key}>
                  {/* The alert's own (contrasted) colour, underlined: a blue link fails AA on light red. */}
                  <Anchor
                    href={`#${declarationId(gap.key)}`}
                    onClick={(event) => {
                      // The page's own move: the hash jump would leave the focus on the page, not the question.
                      event.preventDefault();
                      focusQuestion(gap.key);
                    }}
                    c="inherit"
                    underline="always"
                    fw={600}
                  >
                    {FIELD_LABELS[`dossier.declarations.${gap.key}`]}
                  </Anchor>{' '}
                  : {gap.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
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
        {current && current.drift.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title="La demande en ligne garde les informations envoyées à sa création"
          >
            <Stack gap="xs">
              <Text size="sm">
                La fiche a changé depuis ({current.drift.join(', ')}) : l'élève validerait les anciennes informations.
                Pour envoyer les nouvelles, supprimez puis recréez la demande.
              </Text>
              <Group>
                <Button
                  size="xs"
                  color="red.9"
                  disabled={!current.actions.delete.enabled || call.busy !== null}
                  title={current.actions.delete.reason}
                  onClick={() => setPopup('recreate')}
                >
                  Supprimer puis recréer la demande
                </Button>
              </Group>
            </Stack>
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
        {registration && (
          <Paper withBorder p="xs" radius="sm" component="section" aria-labelledby="registration-title">
            <Title order={3} size="h6" id="registration-title" mb={4}>
              Inscription au permis (Cerfa 02)
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Info label="N° de demande">{registration.number}</Info>
              <Info label="Statut">
                <Badge radius="sm">{registration.stateLabel}</Badge>
              </Info>
              <Info label="N° NEPH">{registration.neph ?? ''}</Info>
            </SimpleGrid>
          </Paper>
        )}
        <Group gap="xs">
          {BUTTONS.map(({ action, label, color }) => {
            const availability = current?.actions[action] ?? {
              enabled: false,
              reason: "Aucune demande en ligne n'est enregistrée.",
            };
            if (action === 'complete' && !availability.enabled) return null;
            return (
              <Button
                key={action}
                size="xs"
                variant={availability.enabled ? 'filled' : 'default'}
                color={availability.enabled ? (color ?? 'yellow.5') : undefined}
                c={availability.enabled && !color ? 'dark' : undefined}
                disabled={!availability.enabled || call.busy !== null}
                aria-describedby={current?.actions[action]?.reason ? reasonId(action) : undefined}
                onClick={() => onAction(action)}
              >
                {label}
              </Button>
            );
          })}
        </Group>
        {/* Why a button is inactive, in words anyone can reach (a tooltip on a disabled button is
            seen with a mouse only: RGAA 7.3, 10.13). */}
        {BUTTONS.some(({ action }) => action !== 'complete' && current?.actions[action]?.reason) && (
          <details>
            <summary>
              <Text span size="sm">
                Pourquoi certaines actions sont-elles indisponibles ?
              </Text>
            </summary>
            <List size="sm" mt={4}>
              {BUTTONS.filter(({ action }) => action !== 'complete' && current?.actions[action]?.reason).map(
                ({ action, label }) => (
                  <List.Item key={action}>
                    {label} : <span id={reasonId(action)}>{current?.actions[action]?.reason}</span>
                  </List.Item>
                ),
              )}
            </List>
          </details>
        )}

        <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
          <Stack gap="xs">
            <Title order={3} size="h6">
              Impression Cerfa
            </Title>
            <Radio.Group value={type} onChange={(value) => setType(value as '02' | '06')} aria-label="Type de Cerfa">
              <Group>
                <Radio value="02" label="Cerfa 02" />
                <Radio value="06" label="Cerfa 06" />
              </Group>
            </Radio.Group>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={startEntering}
                disabled={!overview.canEnter[type] || !overview.office.ready || call.busy !== null}
              >
                Enregistrer la demande en ligne
              </Button>
              <Anchor href={filePath(onlineFiles.cerfa, { id: student.id, type })} size="sm" target="_blank">
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
        onValidate={enterFromPopup}
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
            target={target}
            application={current}
            onValidate={() => onAction('validate')}
          />
          <EditEphotoModal
            opened={popup === 'ephoto'}
            onClose={() => setPopup(null)}
            target={target}
            application={current}
            initialCode={current.type === '02' ? dossier.ephotoCode02 : dossier.ephotoCode06}
            onSaved={() => setNotice('Code ePhoto associé à la demande.')}
          />
          <ViewEphotoModal opened={popup === 'viewEphoto'} onClose={() => setPopup(null)} target={target} />
          <DocumentsModal opened={popup === 'documents'} onClose={() => setPopup(null)} target={target} />
          <DeleteEphotoModal
            opened={popup === 'deleteEphoto'}
            application={current}
            onClose={() => setPopup(null)}
            onConfirm={() =>
              void act('Suppression de la ePhoto…', async () => {
                await apiCall(onlineRoutes.deleteEphoto, { params: target });
                return 'ePhoto supprimée.';
              })
            }
          />
          <ConfirmModal
            opened={popup === 'confirmValidate'}
            title="Valider la demande ?"
            confirmLabel="Oui, valider"
            onClose={() => setPopup(null)}
            onConfirm={validate}
          >
            {current.paperMandate ? (
              <>
                La demande n° {current.number} part à l'instruction de l'ANTS (mandat papier) : elle ne pourra plus être
                modifiée.
              </>
            ) : (
              <>
                La demande n° {current.number} ne pourra plus être modifiée. L'élève reçoit un courriel et un SMS : il a
                7 jours pour la valider à son tour sur le site de l'ANTS, sinon elle expire.
              </>
            )}
          </ConfirmModal>
          <ConfirmModal
            opened={popup === 'delete'}
            title="Supprimer la demande"
            confirmLabel="Oui, supprimer"
            onClose={() => setPopup(null)}
            onConfirm={() =>
              void act('Suppression de la demande sur le site de l’ANTS…', async () => {
                await apiCall(onlineRoutes.remove, { params: target });
                return `Demande n° ${current.number} supprimée.`;
              })
            }
          >
            La demande n° {current.number} sera supprimée du site de l'ANTS. Une demande se supprime uniquement au
            statut brouillon ou en cours de validation par l'élève.
          </ConfirmModal>
          <ConfirmModal
            opened={popup === 'recreate'}
            title="Supprimer puis recréer la demande ?"
            confirmLabel="Oui, supprimer et recréer"
            onClose={() => setPopup(null)}
            onConfirm={() =>
              void act('Suppression puis création de la demande sur le site de l’ANTS…', async () => {
                pendingKey.current ??= crypto.randomUUID();
                const answer = await apiCall(onlineRoutes.recreate, {
                  params: target,
                  body: { idempotencyKey: pendingKey.current },
                });
                pendingKey.current = null;
                return `Demande n° ${current.number} supprimée ; nouvelle demande n° ${answer.application.number} enregistrée en brouillon avec les informations de la fiche.${
                  answer.ephotoError ? ` Le code ePhoto n'a pas été accepté : ${answer.ephotoError}` : ''
                }`;
              })
            }
          >
            La demande n° {current.number} sera supprimée du site de l'ANTS, avec ses pièces justificatives et sa
            ePhoto, puis une nouvelle demande sera enregistrée en brouillon avec les informations actuelles de la fiche
            et du Dossier 02 - 06 (elle aura un nouveau numéro). Les pièces justificatives seront à envoyer de nouveau.
          </ConfirmModal>
        </>
      )}
    </Paper>
  );
}

type Gap = { key: 'jdcInOrder'; message: string };

/** What the saved dossier lacks for an online application (the national service checks it too). */
function dossierGaps(student: Student, dossier: Dossier): Gap[] {
  const jdc = jdcError(ageOn(student.birthDate, parisToday()), dossier.declarations.jdcInOrder);
  return jdc ? [{ key: 'jdcInOrder', message: jdc }] : [];
}

/** Brings the keyboard to a question of the dossier's form. */
function focusQuestion(key: Gap['key']) {
  document.getElementById(declarationId(key))?.querySelector<HTMLInputElement>('input')?.focus();
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
