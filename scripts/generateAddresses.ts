import { writeFileSync } from 'node:fs';
import { ADDRESS_FILES, addressesModule } from './addresses.ts';

// The pages' addresses of each contract (decision 0018), from the contract.
for (const spec of ADDRESS_FILES) writeFileSync(new URL(`../${spec.file}`, import.meta.url), addressesModule(spec));
