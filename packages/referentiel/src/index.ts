/** Permit categories, in the order of the Cerfa forms (02 and 06). */
export const PERMIT_CATEGORIES = [
  'AM',
  'A1',
  'A2',
  'A',
  'B1',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
] as const;
export type PermitCategory = (typeof PERMIT_CATEGORIES)[number];
