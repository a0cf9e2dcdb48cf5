import { Alert, Box, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import { type ApiError, asApiError } from '../api.ts';
import { AccessibilityFooter } from '../components/AccessibilityFooter.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { HOME_PATH, useSession } from '../session.tsx';
import { usePageTitle } from '../usePageTitle.ts';
import classes from './LoginPage.module.css';

type FieldErrors = { login?: string; password?: string };

export function LoginPage() {
  usePageTitle('Connexion');
  const { user, expired, signIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  if (user) return <Navigate to={HOME_PATH} replace />;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FieldErrors = {
      login: login.trim() ? undefined : 'Saisissez votre identifiant.',
      password: password ? undefined : 'Saisissez votre mot de passe.',
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.login || missing.password) return;
    setSubmitting(true);
    try {
      await signIn(login.trim(), password);
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(apiError);
      setFieldErrors({ login: apiError.fieldMessage('login'), password: apiError.fieldMessage('password') });
      setPassword('');
      setSubmitting(false);
    }
  };

  return (
    <>
      <SkipLink />
      <Box component="main" id="contenu" tabIndex={-1} className={classes.page}>
        <Center mih="100vh" p="md">
          <Stack w="100%" maw={420} gap="lg">
            <div>
              <Text ta="center" fw={700} c="blue.9" size="lg">
                Auto-école — Gestion
              </Text>
              <Text ta="center" size="sm" c="dimmed">
                Logiciel de gestion de votre auto-école
              </Text>
            </div>
            <Paper withBorder shadow="sm" radius="md" p="xl">
              <form onSubmit={handleSubmit} noValidate>
                <Stack gap="md">
                  <Title order={1} size="h3">
                    Connexion à votre espace auto-école
                  </Title>
                  {expired && !error && (
                    <Alert color="blue" variant="light">
                      Votre session a pris fin. Reconnectez-vous pour continuer.
                    </Alert>
                  )}
                  <ErrorAlert error={error} />
                  <TextInput
                    label="Identifiant"
                    name="login"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    value={login}
                    onChange={(event) => setLogin(event.currentTarget.value)}
                    error={fieldErrors.login}
                  />
                  <PasswordField
                    label="Mot de passe"
                    name="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(event) => setPassword(event.currentTarget.value)}
                    error={fieldErrors.password}
                  />
                  <Button type="submit" fullWidth loading={submitting} mt="xs">
                    Se connecter
                  </Button>
                </Stack>
              </form>
            </Paper>
            <Text ta="center" size="xs" c="dimmed">
              Identifiant oublié ou compte bloqué ? Contactez le dirigeant de votre auto-école.
            </Text>
            <AccessibilityFooter />
          </Stack>
        </Center>
      </Box>
    </>
  );
}
