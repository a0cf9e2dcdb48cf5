import { Center, Group, Loader, Text } from '@mantine/core';

/** A spinner that screen readers announce. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label}</Text>
      </Group>
    </Center>
  );
}
