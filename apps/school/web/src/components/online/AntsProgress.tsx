import { Alert, Group, List, Loader, Text } from '@mantine/core';
import { fieldErrorText } from '@permis/ants-api';
import { type AntsCall, SLOW_NOTE } from './useAntsCall.ts';

/** The progress of a call to the national service, then its error with each named field. */
export function AntsProgress({ call }: { call: AntsCall }) {
  return (
    <div aria-live="polite">
      {call.busy && (
        <Alert color="blue" variant="light" mb="sm">
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" aria-hidden />
            <div>
              <Text size="sm" role="status">
                {call.busy}
              </Text>
              {call.slow && (
                <Text size="sm" c="dimmed">
                  {SLOW_NOTE}
                </Text>
              )}
            </div>
          </Group>
        </Alert>
      )}
      {call.error && !call.busy && (
        <Alert color="red" variant="light" mb="sm" data-testid="error-alert" title={errorTitle(call.error.code)}>
          <Text size="sm">{call.error.message}</Text>
          {call.error.fields.length > 0 && (
            <List size="sm" mt="xs">
              {call.error.fields.map((field) => (
                <List.Item key={field.path}>{fieldErrorText(field)}</List.Item>
              ))}
            </List>
          )}
          {call.error.code === 'ANTS_UNAVAILABLE' && (
            <Text size="sm" mt="xs">
              Vous pouvez relancer l'action : elle ne sera pas faite deux fois.
            </Text>
          )}
        </Alert>
      )}
    </div>
  );
}

function errorTitle(code: string): string {
  if (code === 'ANTS_UNAVAILABLE' || code === 'NETWORK') return "Le site de l'ANTS ne répond pas";
  if (code === 'RIGHT_REQUIRED') return 'Action non autorisée';
  if (code === 'ANTS_AUTHENTICATION_FAILED') return "Erreur d'authentification";
  if (code === 'ANTS_DATA_ERROR') return 'Erreur de données';
  if (code.startsWith('ANTS_EMAIL') || code.startsWith('ANTS_APPLICATION_ALREADY') || code.startsWith('ANTS_CANDIDATE'))
    return 'Divergence de données';
  return 'Action impossible';
}
