import { Anchor, Box } from '@mantine/core';
import { Link } from 'react-router';
import { ACCESSIBILITY_PATH, CONFORMITY } from '../accessibility.ts';

/** Every page's footer names the state of conformity and links to the statement (RGAA, art. 47). */
export function AccessibilityFooter() {
  return (
    <Box component="footer" py="md" ta="center" fz="sm">
      <Anchor component={Link} to={ACCESSIBILITY_PATH}>
        Accessibilité : {CONFORMITY}
      </Anchor>
    </Box>
  );
}
