import type { ReactNode } from 'react';
import { Panel } from './Panel.tsx';

/** A page section in a panel, named by its h2 (recap, agent detail, agent actions). */
export function TitledSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="fr-mb-3w" aria-labelledby={id}>
      <Panel className="fr-p-3w">
        <h2 id={id} className="fr-h5">
          {title}
        </h2>
        {children}
      </Panel>
    </section>
  );
}
