import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { HOME_PATH } from '../session.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page introuvable" />
      <Text mb="md">Cette adresse ne correspond à aucune page du logiciel.</Text>
      <Anchor component={Link} to={HOME_PATH}>
        Retour à la liste des élèves
      </Anchor>
    </>
  );
}
