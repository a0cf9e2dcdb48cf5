/**
 * A street address line as seed 000's recap lists it: « N° de la voie », « Extension (bis, ter,
 * etc) », « Type de voie (avenue, boulevard, etc) », « Nom de la voie ». The schools' software and the
 * candidates type the line whole (« 12 bis avenue de la République »): it is read back into its parts
 * for display only; a line that does not start with a number stays whole as the street's name.
 */
export type StreetParts = { number: string; extension: string; streetType: string; streetName: string };

/** The types of voie of the national address base, by the word typed (and its usual short forms). */
const STREET_TYPES: Record<string, string> = {
  allee: 'Allée',
  allées: 'Allées',
  allees: 'Allées',
  all: 'Allée',
  avenue: 'Avenue',
  av: 'Avenue',
  ave: 'Avenue',
  boulevard: 'Boulevard',
  bd: 'Boulevard',
  bld: 'Boulevard',
  chemin: 'Chemin',
  che: 'Chemin',
  chem: 'Chemin',
  cite: 'Cité',
  clos: 'Clos',
  cours: 'Cours',
  crs: 'Cours',
  domaine: 'Domaine',
  esplanade: 'Esplanade',
  faubourg: 'Faubourg',
  fg: 'Faubourg',
  hameau: 'Hameau',
  impasse: 'Impasse',
  imp: 'Impasse',
  lieudit: 'Lieu-dit',
  montee: 'Montée',
  parc: 'Parc',
  parvis: 'Parvis',
  passage: 'Passage',
  pas: 'Passage',
  place: 'Place',
  pl: 'Place',
  promenade: 'Promenade',
  quai: 'Quai',
  quartier: 'Quartier',
  residence: 'Résidence',
  res: 'Résidence',
  rondpoint: 'Rond-point',
  route: 'Route',
  rte: 'Route',
  rue: 'Rue',
  r: 'Rue',
  ruelle: 'Ruelle',
  sentier: 'Sentier',
  square: 'Square',
  sq: 'Square',
  traverse: 'Traverse',
  villa: 'Villa',
  voie: 'Voie',
};

/** « bis », « ter »… and a letter A to D (« 12 B rue… », « 12B rue… »; not « 12 r. », a short « rue »). */
const EXTENSION = /^(bis|ter|quater|quinquies|[a-d])$/i;

/** The word as the table knows it: lower case, without accents, dots nor hyphens. */
const key = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.-]/g, '')
    .toLowerCase();

export function splitStreetLine(line: string): StreetParts {
  const words = line.trim().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const whole: StreetParts = { number: '', extension: '', streetType: '', streetName: line.trim() };
  const numbered = /^(\d+)([a-d]?)$/i.exec(words[0] ?? '');
  if (!numbered) return whole;
  let rest = words.slice(1);
  let extension = numbered[2] ?? '';
  if (!extension && rest.length > 1 && EXTENSION.test(rest[0]!)) {
    extension = rest[0]!;
    rest = rest.slice(1);
  }
  // A type needs a name after it (« 3 Place » is a street called Place).
  const typed = STREET_TYPES[key(rest[0] ?? '')];
  const streetType = typed && rest.length > 1 ? typed : '';
  if (streetType) rest = rest.slice(1);
  if (rest.length === 0) return whole;
  return { number: numbered[1]!, extension: extension.toLowerCase(), streetType, streetName: rest.join(' ') };
}
