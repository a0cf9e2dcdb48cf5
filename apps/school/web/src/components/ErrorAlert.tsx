import { Alert } from '@mantine/core';
import type { ApiError } from '../api.ts';

/** The server's French message, shown as is. */
export function ErrorAlert({ error, title }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} data-testid="error-alert">
      {error.message}
    </Alert>
  );
}
