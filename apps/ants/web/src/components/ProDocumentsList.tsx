import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { HeldApplication } from '@permis/ants-api';
import { api, proDocumentPath } from '../api.ts';
import { useApiData } from '../useApiData.ts';

/** "Editer les documents": the eight documents, a link for each available one, why not for the others. */
export function ProDocumentsList({ application }: { application: HeldApplication }) {
  const documents = useApiData(application.number, () => api.proDocuments(application.number), {
    version: application.updatedAt,
  });
  return (
    <section className="fr-mt-4w" aria-labelledby="documents-titre">
      <h2 id="documents-titre" className="fr-h5">
        Documents
      </h2>
      {documents.status === 'error' && <Alert severity="error" small description={documents.error.message} />}
      {documents.data && (
        <ul>
          {documents.data.documents.map((document) => (
            <li key={document.kind}>
              {document.available ? (
                <a
                  className="fr-link"
                  href={proDocumentPath(application.number, document.kind)}
                  target="_blank"
                  rel="noopener"
                >
                  {document.label} (PDF)
                </a>
              ) : (
                <>
                  {document.label} : <span className="fr-text--sm">{document.reason}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
