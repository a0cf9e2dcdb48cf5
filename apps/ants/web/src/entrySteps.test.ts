import { describe, expect, it } from 'vitest';
import { ownStepGroups, stepGroups } from './entrySteps.ts';

const autoCompletes = (groups: ReturnType<typeof stepGroups>) =>
  Object.fromEntries(groups.flatMap((group) => group.fields).map((field) => [field.path, field.autoComplete ?? 'off']));

describe('« Adresse et contact »', () => {
  it('lets the browser fill a candidat libre’s own address and mobile, never what a school types about someone else', () => {
    const own = autoCompletes(ownStepGroups('address', { prefectures: [] }));
    expect(own).toMatchObject({
      'candidate.addressLine1': 'address-line1',
      'candidate.addressLine2': 'address-line2',
      'candidate.postalCode': 'postal-code',
      'candidate.city': 'address-level2',
      'candidate.mobile': 'tel-national',
    });
    const school = autoCompletes(stepGroups('address', { prefectures: [] }));
    for (const path of Object.keys(own)) expect(school[path], path).toBe('off');
  });
});
