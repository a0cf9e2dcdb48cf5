import { Text } from '@mantine/core';

/** Said once above a form whose required fields carry an asterisk (RGAA 11.10). */
export function RequiredNote() {
  return <Text size="sm">Les champs marqués d'un astérisque (*) sont obligatoires.</Text>;
}
