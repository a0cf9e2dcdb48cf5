import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { HeldApplication } from '@permis/ants-api';
import { api } from '../api.ts';
import { formatParisDateTime } from '../formatDate.ts';
import { useApiData } from '../useApiData.ts';

/**
 * "Historique de la demande": its audit trail, who did what and when, newest first. `version`
 * changes whenever something on the page may have added a line.
 */
export function ProHistory({ application, version }: { application: HeldApplication; version: number }) {
  const loaded = useApiData(application.number, () => api.proHistory(application.number), { version });
  return (
    <section aria-labelledby="historique-titre">
      <h2 id="historique-titre" className="fr-h5">
        Historique de la demande
      </h2>
      {loaded.status === 'error' && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.data && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Historique de la demande</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Action</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {[...loaded.data.history].reverse().map((entry) => (
                <tr key={entry.id}>
                  <td>{formatParisDateTime(entry.at)}</td>
                  <td>
                    {entry.label}
                    {entry.detail && (
                      <>
                        <br />
                        <span className="fr-text--sm">{entry.detail}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {entry.byLabel}
                    {entry.user && (
                      <>
                        <br />
                        <span className="fr-text--sm">{entry.user}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
