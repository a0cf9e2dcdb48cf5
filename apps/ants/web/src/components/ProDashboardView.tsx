import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type ProDashboard } from '../api.ts';
import { formatParisDateTime } from '../formatDate.ts';
import { useApiData } from '../useApiData.ts';

const SORTS = [
  { value: 'updated', label: 'Dernière modification' },
  { value: 'created', label: 'Date de création' },
  { value: 'number', label: 'Numéro de demande' },
  { value: 'name', label: 'Nom du candidat' },
] as const;

/** The address of the dashboard with some filters changed (an empty value removes it), back to page 1. */
function withParams(params: URLSearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!('page' in changes)) next.delete('page');
  const query = next.toString();
  return query ? `?${query}` : '?';
}

/** The seed's counters per Cerfa type and state: each one a link that filters the list. */
function Counters({ counters, params }: { counters: ProDashboard['counters']; params: URLSearchParams }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {counters.map((row) => (
        <section key={row.type} className="fr-col-12 fr-col-md-6" aria-labelledby={`compteurs-${row.type}`}>
          <h3 id={`compteurs-${row.type}`} className="fr-h5">
            Cerfa {row.type}
          </h3>
          <ul className="fr-raw-list">
            {row.counters.map((counter) => {
              const current = params.get('type') === row.type && params.get('state') === counter.state;
              return (
                <li key={counter.state} className="fr-mb-1w">
                  <Link
                    className="fr-link"
                    to={withParams(params, { type: row.type, state: counter.state })}
                    aria-current={current ? 'true' : undefined}
                    title={counter.meaning}
                  >
                    {counter.label} : {counter.count}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** "Tableau de bord": the school's demands, with counters, search, sort and pages. */
export function ProDashboardView() {
  const [params, setParams] = useSearchParams();
  const query = params.toString() ? `?${params.toString()}` : '';
  const loaded = useApiData(query, () => api.proDashboard(query), { keepPrevious: true });
  const [search, setSearch] = useState({
    q: params.get('q') ?? '',
    createdFrom: params.get('createdFrom') ?? '',
    createdTo: params.get('createdTo') ?? '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(withParams(params, search).slice(1)));
  };
  const page = Number(params.get('page') ?? '1');

  return (
    <>
      {loaded.data && <Counters counters={loaded.data.counters} params={params} />}
      <form className="fr-my-3w" onSubmit={submit} aria-labelledby="recherche-titre">
        <h3 id="recherche-titre" className="fr-h5">
          Rechercher une demande
        </h3>
        <div className="fr-grid-row fr-grid-row--gutters">
          <Input
            className="fr-col-12 fr-col-md-4"
            label="Numéro de demande ou nom du candidat"
            nativeInputProps={{ value: search.q, onChange: (e) => setSearch({ ...search, q: e.target.value }) }}
          />
          <Input
            className="fr-col-6 fr-col-md-3"
            label="Créée à partir du"
            nativeInputProps={{
              type: 'date',
              value: search.createdFrom,
              onChange: (e) => setSearch({ ...search, createdFrom: e.target.value }),
            }}
          />
          <Input
            className="fr-col-6 fr-col-md-3"
            label="Créée jusqu'au"
            nativeInputProps={{
              type: 'date',
              value: search.createdTo,
              onChange: (e) => setSearch({ ...search, createdTo: e.target.value }),
            }}
          />
        </div>
        <ul className="fr-btns-group fr-btns-group--inline">
          <li>
            <Button type="submit">Rechercher</Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              onClick={() => {
                setSearch({ q: '', createdFrom: '', createdTo: '' });
                setParams(new URLSearchParams());
              }}
            >
              Tout afficher
            </Button>
          </li>
        </ul>
      </form>
      <Select
        className="fr-col-md-4"
        label="Trier par"
        nativeSelectProps={{
          value: `${params.get('sort') ?? 'updated'}:${params.get('order') ?? 'desc'}`,
          onChange: (event) => {
            const [sort = 'updated', order = 'desc'] = event.target.value.split(':');
            setParams(new URLSearchParams(withParams(params, { sort, order }).slice(1)));
          },
        }}
      >
        {SORTS.flatMap((sort) => [
          <option key={`${sort.value}:desc`} value={`${sort.value}:desc`}>
            {sort.label} (décroissant)
          </option>,
          <option key={`${sort.value}:asc`} value={`${sort.value}:asc`}>
            {sort.label} (croissant)
          </option>,
        ])}
      </Select>
      {loaded.status === 'loading' && <p role="status">Chargement…</p>}
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.status === 'ready' && loaded.data.rows.length === 0 && <p role="status">Aucune demande ne correspond.</p>}
      {loaded.status === 'ready' && loaded.data.rows.length > 0 && (
        <>
          <Table
            caption={`Demandes (${loaded.data.total})`}
            headers={['Numéro', 'Type', 'Candidat', 'État', 'Créée le', 'Dernière modification']}
            data={loaded.data.rows.map((row) => [
              row.state === 'transferred' ? (
                row.number
              ) : (
                <Link key="number" className="fr-link" to={`/pro/demandes/${encodeURIComponent(row.number)}`}>
                  {row.number}
                </Link>
              ),
              `Cerfa ${row.type}`,
              row.candidateName ?? '—',
              row.stateLabel,
              formatParisDateTime(row.createdAt),
              formatParisDateTime(row.updatedAt),
            ])}
          />
          {loaded.data.total > loaded.data.pageSize && (
            <Pagination
              count={Math.ceil(loaded.data.total / loaded.data.pageSize)}
              defaultPage={page}
              getPageLinkProps={(n) => ({ to: withParams(params, { page: n === 1 ? '' : String(n) }) })}
            />
          )}
        </>
      )}
    </>
  );
}
