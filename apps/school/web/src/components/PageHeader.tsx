import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../usePageTitle.ts';

type PageHeaderProps = {
  title: string;
  /** Where the page sits in the menu, e.g. "Espace Dirigeant › Connexions". */
  trail?: string;
  children?: ReactNode;
};

/** The page's only h1, which also names the browser tab. */
export function PageHeader({ title, trail, children }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      {trail && (
        <Text size="sm" c="dimmed" fw={500}>
          {trail}
        </Text>
      )}
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
