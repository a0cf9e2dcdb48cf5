import { comparableName } from '@permis/ants-api';
import { normalizePlaceName } from '@permis/referentiel';
import { dataset } from '@permis/referentiel/data';
import { z } from 'zod';

/** INSEE code of France among the countries. */
const FRANCE = '99100';

/**
 * FranceConnect's identity pivot, as its userinfo gives it (given names separated by spaces,
 * birth date YYYY-MM-DD, INSEE codes of the birth commune, empty abroad, and country). Hostile
 * until checked like any input: bounded strings, known codes only.
 */
export const pivotClaims = z.object({
  sub: z.string().min(1).max(255),
  given_name: z.string().trim().min(1).max(200),
  family_name: z.string().trim().min(1).max(100),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gender: z.enum(['male', 'female']),
  birthplace: z
    .string()
    .regex(/^(\d[\dAB]\d{3})?$/)
    .default(''),
  birthcountry: z.string().regex(/^99\d{3}$/),
  email: z.string().trim().toLowerCase().email().max(254),
});
export type PivotClaims = z.infer<typeof pivotClaims>;

/** The pivot in the candidate record's terms (agency spelling of places, F/M). */
export type Pivot = {
  sub: string;
  email: string;
  sex: 'F' | 'M';
  birthName: string;
  firstName: string;
  otherFirstNames: string;
  birthDate: string;
  birthCity: string;
  birthDepartment: string;
  birthCountry: string;
};

/** undefined when a code is not in the official lists (then nothing can be matched safely). */
export function pivotOf(claims: PivotClaims): Pivot | undefined {
  const data = dataset();
  const country = data.countriesByCode.get(claims.birthcountry);
  if (!country) return undefined;
  let birthCity = '';
  let birthDepartment = '';
  if (claims.birthcountry === FRANCE) {
    // A birth in a commune since merged carries its former code: today it is that commune nouvelle's.
    const commune = data.communesByCode.get(claims.birthplace) ?? data.mergedCommunesByCode.get(claims.birthplace);
    if (!commune) return undefined;
    birthCity = commune.key;
    birthDepartment = commune.department;
  }
  const [firstName = '', ...others] = claims.given_name.split(/\s+/);
  return {
    sub: claims.sub,
    email: claims.email,
    sex: claims.gender === 'female' ? 'F' : 'M',
    birthName: claims.family_name.toUpperCase(),
    firstName,
    otherFirstNames: others.join(' '),
    birthDate: claims.birthdate,
    birthCity,
    birthDepartment,
    birthCountry: country.key,
  };
}

type Described = Omit<Pivot, 'sub' | 'email'>;

/**
 * Whether a candidate record a school typed describes the person FranceConnect vouches for: every
 * element of the pivot, compared the way the agency writes names and places (case, accents,
 * hyphens do not count). The first name and the other ones together: « Eric Jean » is « Eric » +
 * « Jean ». A birth département left empty on the record does not stop the match; another does.
 * Born abroad, the pivot has the country and no town.
 */
export function pivotMatches(record: Described, pivot: Pivot): boolean {
  const names = (first: string, others: string) => comparableName(`${first}${others}`);
  const place = (name: string) => normalizePlaceName(name);
  return (
    comparableName(record.birthName) === comparableName(pivot.birthName) &&
    names(record.firstName, record.otherFirstNames) === names(pivot.firstName, pivot.otherFirstNames) &&
    record.birthDate === pivot.birthDate &&
    record.sex === pivot.sex &&
    place(record.birthCountry) === place(pivot.birthCountry) &&
    // Born abroad, FranceConnect gives no town (the country only): the school's town is not compared.
    (pivot.birthCity === '' || place(record.birthCity) === place(pivot.birthCity)) &&
    (record.birthDepartment === '' || record.birthDepartment === pivot.birthDepartment)
  );
}
