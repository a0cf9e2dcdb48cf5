import { Alert, Button, Center, Container, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { NETWORK_ERROR_MESSAGE } from '../api.ts';
import { Loading } from '../components/Loading.tsx';
import { useSession } from '../session.tsx';

/** Waits for the session check; says so plainly when the server cannot be reached. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { status, retry } = useSession();
  if (status === 'loading') {
    return (
      <Center mih="100vh">
        <Loading />
      </Center>
    );
  }
  if (status === 'unreachable') {
    return (
      <Container size="xs" py="xl" component="main">
        <Stack>
          <Title order={1} size="h3">
            Auto-école — Gestion
          </Title>
          <Alert color="red" variant="light">
            {NETWORK_ERROR_MESSAGE}
          </Alert>
          <Button onClick={retry} w="fit-content">
            Réessayer
          </Button>
        </Stack>
      </Container>
    );
  }
  return children;
}
