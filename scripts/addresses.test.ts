import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDRESS_FILES, addressesModule } from './addresses.ts';

describe("the pages' addresses of each contract (decision 0018)", () => {
  it.each(ADDRESS_FILES)('$file is the contract as it is now (npm run generate:addresses writes it)', (spec) => {
    expect(readFileSync(new URL(`../${spec.file}`, import.meta.url), 'utf8')).toBe(addressesModule(spec));
  });
});
