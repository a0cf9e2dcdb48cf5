import { NavLink, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { Link, useLocation } from 'react-router';
import type { Role } from '../types.ts';
import classes from './Navigation.module.css';

type Entry = { label: string; to: string };
type Space = { title: string; entries: Entry[] };

const CLIENTS: Space = { title: 'Espace Clients', entries: [{ label: 'Élèves', to: '/clients' }] };

const ADMINISTRATIF: Space = {
  title: 'Espace Administratif',
  entries: [{ label: 'Bordereaux dossiers › Demandes en ligne (site ANTS)', to: '/administratif/demandes-en-ligne' }],
};

const DIRIGEANT: Space = {
  title: 'Espace Dirigeant',
  entries: [
    { label: 'Paramètres › Bureaux', to: '/dirigeant/bureaux' },
    { label: 'Connexions › Utilisateurs', to: '/dirigeant/utilisateurs' },
    { label: 'Connexions › Droits utilisateurs', to: '/dirigeant/droits' },
  ],
};

/**
 * The side menu. Espace Dirigeant is listed for the dirigeant only; that is convenience, not
 * protection: the server refuses its routes to everyone else.
 */
export function Navigation({ role }: { role: Role }) {
  const spaces = role === 'dirigeant' ? [CLIENTS, ADMINISTRATIF, DIRIGEANT] : [CLIENTS, ADMINISTRATIF];
  return (
    <Stack gap="lg">
      {spaces.map((space) => (
        <SpaceLinks key={space.title} space={space} />
      ))}
    </Stack>
  );
}

function SpaceLinks({ space }: { space: Space }) {
  const titleId = useId();
  const { pathname } = useLocation();
  return (
    <div>
      <Text
        id={titleId}
        size="xs"
        fw={700}
        tt="uppercase"
        c="dimmed"
        px="sm"
        mb={4}
        style={{ letterSpacing: '0.04em' }}
      >
        {space.title}
      </Text>
      <ul aria-labelledby={titleId} className={classes.list}>
        {space.entries.map((entry) => {
          const active = pathname === entry.to || pathname.startsWith(`${entry.to}/`);
          return (
            <li key={entry.to}>
              <NavLink
                component={Link}
                to={entry.to}
                label={entry.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                fw={active ? 600 : 400}
                className={classes.link}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
