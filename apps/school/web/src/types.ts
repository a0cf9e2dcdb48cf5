/** The shapes the school service API answers with (see the routes under apps/school/src). */

export type Role = 'dirigeant' | 'secretaire' | 'moniteur';

export type CurrentUser = {
  id: string;
  schoolId: string;
  schoolName: string;
  officeId: string | null;
  firstName: string;
  lastName: string;
  role: Role;
  rights: string[];
};

export type SessionResponse = { user: CurrentUser; csrfToken: string };

export type StudentSummary = {
  id: string;
  firstName: string;
  birthName: string;
  usageName: string;
  birthDate: string;
  email: string;
  officeName: string;
};

export type Student = {
  id: string;
  sex: 'F' | 'M';
  birthName: string;
  usageName: string;
  firstName: string;
  otherFirstNames: string;
  birthDate: string;
  birthCity: string;
  birthDepartment: string;
  birthCountry: string;
  addressLine: string;
  postalCode: string;
  city: string;
  email: string;
  mobile: string;
  officeId: string;
  createdAt: string;
  updatedAt: string;
};

export type Office = {
  id: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string;
  cerfaAgrement: string | null;
  antsLogin: string | null;
  hasAntsPassword: boolean;
  prefectureCode: string | null;
  prefectureName: string | null;
};

/** What every user sees of an office (GET /api/offices). */
export type OfficeSummary = Pick<Office, 'id' | 'name' | 'addressLine' | 'postalCode' | 'city'>;

export type SchoolUser = {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  role: Role;
  roleLabel: string;
  active: boolean;
};

export type UserRight = { code: string; label: string; granted: boolean };

export type UserRightsResponse = {
  user: { id: string; firstName: string; lastName: string };
  domain: string;
  rights: UserRight[];
};

// The place fields, their check and its suggestions: the types the server's referentiel uses.
export type {
  FieldCheck,
  PlaceField,
  PlaceRecord,
  PlacesCheck,
  Suggestion as PlaceSuggestion,
} from '@permis/referentiel';
