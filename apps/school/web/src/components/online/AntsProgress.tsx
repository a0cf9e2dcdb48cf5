import { Alert, Group, List, Loader, Text } from '@mantine/core';
import { type ApiErrorCode, fieldErrorText } from '@permis/ants-api';
import { antsCodeOf, type SchoolErrorCode } from '@permis/school-api';
import type { ApiError } from '../../api.ts';
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
        <Alert color="red" variant="light" mb="sm" data-testid="error-alert" title={errorTitle(call.error)}>
          <Text size="sm">{call.error.message}</Text>
          {call.error.fields.length > 0 && (
            <List size="sm" mt="xs">
              {call.error.fields.map((field) => (
                <List.Item key={field.path}>{fieldErrorText(field)}</List.Item>
              ))}
            </List>
          )}
          {hasCode(call.error, 'ANTS_UNAVAILABLE') && (
            <Text size="sm" mt="xs">
              Vous pouvez relancer l'action : elle ne sera pas faite deux fois.
            </Text>
          )}
        </Alert>
      )}
    </div>
  );
}

type AntsCategory = 'authentication' | 'data' | 'divergence' | 'unavailable' | 'impossible';

/** The seed's kinds of error ("Erreurs possibles"), as the alert titles them. */
const CATEGORY_TITLES: Record<AntsCategory, string> = {
  authentication: "Erreur d'authentification",
  data: 'Erreur de données',
  divergence: 'Divergence de données',
  unavailable: "Le site de l'ANTS ne répond pas",
  impossible: 'Action impossible',
};

/** The kind of each code of the national service: a code added to its contract is classified here. */
const ANTS_CATEGORIES: Record<ApiErrorCode, AntsCategory> = {
  AUTHENTICATION_FAILED: 'authentication',
  TOKEN_INVALID: 'authentication',
  TOO_MANY_ATTEMPTS: 'impossible',
  VALIDATION: 'impossible',
  BAD_REQUEST: 'impossible',
  INVALID_CHARACTER: 'impossible',
  IDEMPOTENCY_KEY_MISSING: 'impossible',
  IDEMPOTENCY_KEY_REUSED: 'impossible',
  PAYLOAD_TOO_LARGE: 'impossible',
  UNSUPPORTED_MEDIA_TYPE: 'impossible',
  URI_TOO_LONG: 'impossible',
  HEADERS_TOO_LARGE: 'impossible',
  REQUEST_TIMEOUT: 'impossible',
  RATE_LIMITED: 'impossible',
  DATA_ERROR: 'data',
  EMAIL_ALREADY_USED: 'divergence',
  APPLICATION_ALREADY_REGISTERED: 'divergence',
  CANDIDATE_DATA_DIFFERS: 'divergence',
  CERFA_02_NOT_ACCEPTED: 'impossible',
  TRANSFER_NOT_THIS_CANDIDATE: 'impossible',
  TRANSFER_THROTTLED: 'impossible',
  ALREADY_YOURS: 'impossible',
  TRANSFER_REFUSED: 'impossible',
  NOT_FOUND: 'impossible',
  TRANSITION_REFUSED: 'impossible',
  STATE_CHANGED: 'impossible',
  REQUIRED_PIECES_MISSING: 'impossible',
  EPHOTO_REQUIRED: 'impossible',
  FILE_MISSING: 'impossible',
  MULTIPART_MALFORMED: 'impossible',
  FILE_TOO_LARGE: 'impossible',
  FILE_TYPE: 'impossible',
  TOO_MANY_PAGES: 'impossible',
  PDF_UNREADABLE: 'impossible',
  PDF_ENCRYPTED: 'impossible',
  PDF_TOO_COMPLEX: 'impossible',
  PDF_TOO_MANY_PAGES: 'impossible',
  PDF_ACTIVE_CONTENT: 'impossible',
  SERVICE_BUSY: 'unavailable',
  EPHOTO_UNKNOWN: 'impossible',
  EPHOTO_ALREADY_USED: 'impossible',
  EPHOTO_EXPIRED: 'impossible',
  EPHOTO_MISSING: 'impossible',
  DOCUMENT_UNAVAILABLE: 'impossible',
  WEBHOOK_URL_REFUSED: 'impossible',
  INTERNAL: 'unavailable',
};

/** Whether the error has this code: a school code (its contract) or one the page makes itself. */
const hasCode = (error: ApiError, code: SchoolErrorCode | 'NETWORK') => error.code === code;

function errorTitle(error: ApiError): string {
  if (hasCode(error, 'ANTS_UNAVAILABLE') || hasCode(error, 'NETWORK')) return CATEGORY_TITLES.unavailable;
  if (hasCode(error, 'RIGHT_REQUIRED')) return 'Action non autorisée';
  if (hasCode(error, 'OFFICE_CREDENTIALS_REFUSED')) return CATEGORY_TITLES.authentication;
  const antsCode = hasCode(error, 'ANTS_REFUSED') ? antsCodeOf(error.extensions) : undefined;
  return CATEGORY_TITLES[antsCode ? ANTS_CATEGORIES[antsCode] : 'impossible'];
}
