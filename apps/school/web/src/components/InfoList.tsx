import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './InfoList.module.css';

export type InfoItem = { label: string; value: ReactNode };

/** Read-only label / value pairs, as a description list. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <Box component="dl" className={classes.list}>
      {items.map((item) => (
        <div key={item.label} className={classes.row}>
          <Text component="dt" size="sm" c="dimmed" className={classes.term}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" className={classes.value}>
            {item.value === '' || item.value === null || item.value === undefined ? <Empty /> : item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}

function Empty() {
  return (
    <Text component="span" size="sm" c="dimmed" fs="italic">
      non renseigné
    </Text>
  );
}
