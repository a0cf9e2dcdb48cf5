/** Label / value pairs, as a description list. */
export function SummaryList({ items }: { items: { label: string; value: string }[] }) {
  return (
    <dl className="fr-pl-0 fr-mb-0">
      {items.map(({ label, value }) => (
        <div key={label} className="fr-grid-row fr-mb-1w">
          <dt className="fr-col-12 fr-col-sm-5 fr-text--bold fr-mb-0">{label}</dt>
          <dd className="fr-col-12 fr-col-sm-7 fr-mb-0 fr-ml-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
