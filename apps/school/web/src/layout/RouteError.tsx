import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** A bug in the page itself: say so, and offer to reload. */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1} size="h3">
          Cette page n'a pas pu s'afficher
        </Title>
        <Alert color="red" variant="light">
          Une erreur inattendue est survenue. Rechargez la page ; si le problème continue, contactez votre assistance.
        </Alert>
        <Button w="fit-content" onClick={() => window.location.reload()}>
          Recharger la page
        </Button>
      </Stack>
    </Container>
  );
}
