import { Alert, AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { PerAddress } from '@permis/web-client';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { type ApiError, asApiError } from '../api.ts';
import { AccessibilityFooter } from '../components/AccessibilityFooter.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { personName, ROLE_LABELS } from '../format.ts';
import { useCurrentUser, useSession } from '../session.tsx';
import classes from './AppLayout.module.css';
import { Navigation } from './Navigation.tsx';

/** The signed-in frame: school and user in the header, the spaces in the side menu. */
export function AppLayout() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const location = useLocation();
  const [menuOpened, menu] = useDisclosure(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<ApiError | null>(null);

  // On a phone the menu closes once a page is chosen.
  useEffect(() => {
    void location.pathname;
    menu.close();
  }, [location.pathname, menu.close]);

  const handleSignOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(asApiError(error));
      setSigningOut(false);
    }
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding="lg"
      className={classes.shell}
    >
      <SkipLink />
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={menuOpened ? 'Fermer le menu' : 'Ouvrir le menu'}
            />
            <div>
              {/* Smaller on a phone: the school's name stays whole beside the menu and « Se déconnecter ». */}
              <Text fw={700} fz={{ base: 'sm', xs: 'lg' }} c="white" lh={1.2} data-testid="school-name">
                {user.schoolName}
              </Text>
              <Text size="xs" c="blue.0" lh={1.2} visibleFrom="xs">
                Logiciel de gestion
              </Text>
            </div>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" c="white" fw={500} visibleFrom="sm" data-testid="current-user">
              {personName(user)} ({ROLE_LABELS[user.role]})
            </Text>
            <Button variant="white" size="sm" onClick={handleSignOut} loading={signingOut}>
              Se déconnecter
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Menu principal">
        <Text size="sm" fw={600} px="sm" pb="sm" mb="sm" hiddenFrom="sm" className={classes.mobileUser}>
          {personName(user)} ({ROLE_LABELS[user.role]})
        </Text>
        <Navigation role={user.role} />
      </AppShell.Navbar>

      <AppShell.Main id="contenu" tabIndex={-1} className={classes.main}>
        {signOutError && (
          <Alert color="red" variant="light" mb="md" withCloseButton onClose={() => setSignOutError(null)}>
            {signOutError.message}
          </Alert>
        )}
        <div className={classes.content}>
          <PerAddress />
          <AccessibilityFooter />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
