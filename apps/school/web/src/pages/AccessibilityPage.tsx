import { Anchor, Box, Container, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { AUDIT, CONFORMITY } from '../accessibility.ts';
import { AccessibilityFooter } from '../components/AccessibilityFooter.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { HOME_PATH, LOGIN_PATH, useSession } from '../session.tsx';
import { usePageTitle } from '../usePageTitle.ts';

const TITLE = "Déclaration d'accessibilité";

/**
 * The back office's accessibility statement, after the RGAA 4.1 model (état de conformité, résultats
 * des tests, contenus non accessibles, établissement de la déclaration, retour d'information,
 * voies de recours). Open without signing in: the login page links to it.
 */
export function AccessibilityPage() {
  usePageTitle(TITLE);
  const { user } = useSession();
  return (
    <>
      <SkipLink />
      <Box component="main" id="contenu" tabIndex={-1} py="xl">
        <Container size="md">
          <Stack gap="md">
            <Anchor component={Link} to={user ? HOME_PATH : LOGIN_PATH} size="sm">
              {user ? 'Retour au logiciel' : 'Retour à la connexion'}
            </Anchor>
            <Title order={1}>{TITLE}</Title>
            <Text>
              L'éditeur du logiciel de gestion d'auto-école s'engage à rendre ce logiciel accessible, conformément à
              l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au logiciel de gestion
              (espace clients, dossiers 02 - 06 et demandes en ligne, bordereaux, espace dirigeant).
            </Text>

            <Title order={2}>État de conformité</Title>
            <Text>
              Le logiciel de gestion est <strong>{CONFORMITY}</strong> avec le référentiel général d'amélioration de
              l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées ci-dessous.
            </Text>

            <Title order={2}>Résultats des tests</Title>
            <Text>
              L'audit interne réalisé le {AUDIT.date} par l'équipe du logiciel révèle que{' '}
              <strong>{AUDIT.rate.toLocaleString('fr-FR')} % des critères du RGAA version 4.1</strong> applicables et
              évalués sont respectés.
            </Text>

            <Title order={2}>Contenus non accessibles</Title>
            <Title order={3}>Non-conformités</Title>
            <List>
              {AUDIT.nonConformities.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
            <Title order={3}>Dérogations pour charge disproportionnée</Title>
            <Text>Aucune.</Text>
            <Title order={3}>Contenus non soumis à l'obligation d'accessibilité</Title>
            <Text>Aucun.</Text>

            <Title order={2}>Établissement de cette déclaration d'accessibilité</Title>
            <Text>Cette déclaration a été établie le {AUDIT.date}.</Text>
            <Title order={3}>Technologies utilisées pour la réalisation du logiciel</Title>
            <List>
              <List.Item>HTML5</List.Item>
              <List.Item>CSS</List.Item>
              <List.Item>JavaScript</List.Item>
              <List.Item>WAI-ARIA</List.Item>
            </List>
            <Title order={3}>Environnement de test</Title>
            <Text>
              Chromium (Debian) piloté par Playwright, au clavier seul pour chaque parcours ; écran de 320 pixels de
              large pour la lecture sans défilement horizontal.
            </Text>
            <Title order={3}>Outils pour évaluer l'accessibilité</Title>
            <List>
              <List.Item>axe-core (toutes les règles WCAG 2.1 A et AA), à chaque page et étape des tests</List.Item>
              <List.Item>Parcours au clavier seul, focus visible vérifié à chaque arrêt</List.Item>
              <List.Item>Revue des pages selon la grille du RGAA 4.1</List.Item>
            </List>
            <Title order={3}>Pages du logiciel ayant fait l'objet de la vérification de conformité</Title>
            <List>
              <List.Item>Connexion</List.Item>
              <List.Item>Espace Clients : liste des élèves, nouvel élève, fiche élève et ses onglets</List.Item>
              <List.Item>Formation › Dossier 02 - 06 : demande en ligne, pièces justificatives, validation</List.Item>
              <List.Item>Bordereaux dossiers › Demandes en ligne (site ANTS)</List.Item>
              <List.Item>Espace Dirigeant : bureaux, utilisateurs, droits</List.Item>
              <List.Item>Déclaration d'accessibilité</List.Item>
            </List>

            <Title order={2}>Retour d'information et contact</Title>
            <Text>
              Si vous n'arrivez pas à accéder à un contenu ou à une fonction du logiciel, contactez le support de
              l'éditeur (adresse indiquée dans votre contrat) pour être orienté vers une alternative accessible ou
              obtenir le contenu sous une autre forme.
            </Text>

            <Title order={2}>Voies de recours</Title>
            <Text>
              Si vous avez signalé au responsable du logiciel un défaut d'accessibilité qui vous empêche d'accéder à un
              contenu ou à une fonction et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
            </Text>
            <List>
              <List.Item>écrire un message au Défenseur des droits (formulaire sur defenseurdesdroits.fr) ;</List.Item>
              <List.Item>contacter le délégué du Défenseur des droits dans votre région ;</List.Item>
              <List.Item>
                envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre
                réponse 71120, 75342 Paris CEDEX 07.
              </List.Item>
            </List>
          </Stack>
          <AccessibilityFooter />
        </Container>
      </Box>
    </>
  );
}
