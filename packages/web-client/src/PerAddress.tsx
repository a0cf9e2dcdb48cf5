import { Fragment, type ReactNode } from 'react';
import { useParams } from 'react-router';

/**
 * A page drawn anew when its address's parameters change (another demand, another student): the
 * router keeps the same page otherwise, and with it what was typed, chosen or said about the
 * previous one.
 */
export function PerAddress({ children }: { children: ReactNode }) {
  const params = useParams();
  return <Fragment key={JSON.stringify(params)}>{children}</Fragment>;
}
