import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table wider than a phone's screen scrolls in its own box, not the page (RGAA 10.11); the box
 * takes the focus, named after its table, so the arrows scroll it without a mouse (WCAG 2.1.1).
 */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
