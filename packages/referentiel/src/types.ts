import type { z } from 'zod';
import type { suggestionSchema } from './contract.ts';

/** A current commune or a municipal arrondissement (Paris, Lyon, Marseille), COG 2026. */
export type Commune = {
  /** INSEE code, e.g. "69290"; arrondissements "75115". */
  code: string;
  /** Official name, e.g. "Saint-Priest". */
  name: string;
  /** Agency spelling, e.g. "SAINT-PRIEST". */
  key: string;
  postalCodes: string[];
  department: string;
  kind: 'commune' | 'arrondissement';
  /** For a commune split into arrondissements (Paris, Lyon, Marseille): true. */
  hasArrondissements: boolean;
  population: number;
};

export type Department = { code: string; name: string; key: string; chefLieuCode: string; chefLieuName: string };

export type Country = {
  /** INSEE code, 99xxx; France is 99100. */
  code: string;
  name: string;
  officialName: string;
  key: string;
  /** For a territory: the code of the country it belongs to. */
  parentCode: string | null;
  current: boolean;
};

/** One choice offered to the user; picking it sets the field(s) to these values (the contract's shape). */
export type Suggestion = z.output<typeof suggestionSchema>;
