import { platformError } from '@permis/platform';
import { findPrefecture } from '@permis/referentiel/data';

/**
 * A préfecture's name as the list of the national service shows it (« Préfecture de Lyon »), from
 * its code: the one name of the offices page, the dossier's « Celle du bureau (…) » and the printed
 * Cerfa. Null without a code.
 */
export function prefectureName(code: string | null | undefined): string | null {
  return code ? (findPrefecture(code)?.label ?? code) : null;
}

/** A préfecture an office is attached to: one of the list, or a clear refusal on the field. */
export function assertPrefecture(code: string): void {
  if (code && !findPrefecture(code)) {
    const message = 'Choisissez la préfecture dans la liste.';
    throw platformError('VALIDATION', message, [{ path: 'prefectureCode', message }]);
  }
}
