import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { StudentForm as StudentFormBody } from '@permis/school-api';
import { studentRoutes } from '@permis/school-api/addresses';
import { apiCall } from '../api.ts';
import { formatDate } from '../format.ts';
import type { Drift, LegalRepresentative, OfficeSummary, Student } from '../types.ts';
import { toIsoDate, useForm } from '../useForm.ts';
import { RequiredNote } from './RequiredNote.tsx';

const QUALITIES = [
  { value: 'father', label: 'Père' },
  { value: 'mother', label: 'Mère' },
  { value: 'guardian', label: 'Tuteur' },
];

type Values = {
  officeId: string;
  sex: string;
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
  minor: boolean;
  repQuality: string;
  repLastName: string;
  repFirstName: string;
  repAddressLine1: string;
  repPostalCode: string;
  repCity: string;
  repEmail: string;
  repPhone: string;
};

function initialValues(student: Student | null, offices: OfficeSummary[]): Values {
  const rep = student?.legalRepresentative ?? null;
  return {
    officeId: student?.officeId ?? offices[0]?.id ?? '',
    sex: student?.sex ?? '',
    birthName: student?.birthName ?? '',
    usageName: student?.usageName ?? '',
    firstName: student?.firstName ?? '',
    otherFirstNames: student?.otherFirstNames ?? '',
    birthDate: formatDate(student?.birthDate),
    birthCity: student?.birthCity ?? '',
    birthDepartment: student?.birthDepartment ?? '',
    birthCountry: student?.birthCountry ?? 'FRANCE',
    addressLine: student?.addressLine ?? '',
    postalCode: student?.postalCode ?? '',
    city: student?.city ?? '',
    email: student?.email ?? '',
    mobile: student?.mobile ?? '',
    minor: rep !== null,
    repQuality: rep?.quality ?? 'mother',
    repLastName: rep?.lastName ?? '',
    repFirstName: rep?.firstName ?? '',
    repAddressLine1: rep?.addressLine1 ?? '',
    repPostalCode: rep?.postalCode ?? '',
    repCity: rep?.city ?? '',
    repEmail: rep?.email ?? '',
    repPhone: rep?.phone ?? '',
  };
}

function toBody(values: Values) {
  const legalRepresentative: LegalRepresentative | null = values.minor
    ? {
        quality: values.repQuality as LegalRepresentative['quality'],
        lastName: values.repLastName,
        firstName: values.repFirstName,
        addressLine1: values.repAddressLine1,
        postalCode: values.repPostalCode,
        city: values.repCity,
        ...(values.repEmail.trim() ? { email: values.repEmail.trim() } : {}),
        phone: values.repPhone,
      }
    : null;
  return {
    officeId: values.officeId,
    // Not chosen yet, it is sent empty: the server answers « Indiquez le sexe. » on the field.
    sex: values.sex as StudentFormBody['sex'],
    birthName: values.birthName,
    usageName: values.usageName,
    firstName: values.firstName,
    otherFirstNames: values.otherFirstNames,
    birthDate: toIsoDate(values.birthDate),
    birthCity: values.birthCity,
    birthDepartment: values.birthDepartment,
    birthCountry: values.birthCountry,
    addressLine: values.addressLine,
    postalCode: values.postalCode,
    city: values.city,
    email: values.email,
    mobile: values.mobile,
    legalRepresentative,
  };
}

/** The fiche élève's form (Espace Clients): a new student, or the changes to one. */
export function StudentForm({
  student,
  offices,
  onSaved,
  onCancel,
}: {
  student: Student | null;
  offices: OfficeSummary[];
  onSaved: (student: Student, drift: Drift[]) => void;
  onCancel: () => void;
}) {
  const form = useForm(initialValues(student, offices));
  const { values, text, set } = form;
  const rep = (field: keyof Values & `rep${string}`, path: string) => text(field, `legalRepresentative.${path}`);

  const save = form.submit(async (current) => {
    const body = toBody(current);
    if (student) {
      const answer = await apiCall(studentRoutes.update, { params: { id: student.id }, body });
      onSaved(answer.student, answer.drift);
    } else {
      onSaved((await apiCall(studentRoutes.create, { body })).student, []);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label={student ? 'Modifier la fiche élève' : 'Nouvel élève'}>
      <Stack gap="md">
        <RequiredNote />
        {form.error && (
          <Alert color="red" variant="light" data-testid="error-alert">
            {form.error.message}
          </Alert>
        )}
        <Fieldset legend="État civil">
          <Stack gap="sm">
            <NativeSelect
              label="Bureau responsable"
              data={offices.map((office) => ({ value: office.id, label: office.name }))}
              {...text('officeId')}
            />
            <Radio.Group
              label="Sexe"
              required
              value={values.sex}
              onChange={(value) => set('sex', value)}
              error={form.error?.fieldMessage('sex')}
            >
              <Group mt={4}>
                <Radio value="F" label="Féminin" />
                <Radio value="M" label="Masculin" />
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Nom de naissance" required {...text('birthName')} />
              <TextInput label="Nom d'usage" {...text('usageName')} />
              <TextInput label="Prénom" required description="Le prénom principal seulement" {...text('firstName')} />
              <TextInput
                label="Autres prénoms"
                description="Les prénoms suivants, séparés par un espace"
                {...text('otherFirstNames')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend="Naissance">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Date de naissance" required placeholder="jj/mm/aaaa" {...text('birthDate')} />
            <TextInput label="Ville de naissance" required {...text('birthCity')} />
            <TextInput
              label="Département de naissance"
              description="Vide pour une naissance à l'étranger"
              {...text('birthDepartment')}
            />
            <TextInput label="Pays de naissance" required {...text('birthCountry')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Adresse et contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Adresse" required {...text('addressLine')} />
            <TextInput label="Code postal" required inputMode="numeric" {...text('postalCode')} />
            <TextInput label="Ville" required {...text('city')} />
            <TextInput label="Email" required type="email" description="Unique pour chaque élève" {...text('email')} />
            <TextInput label="Téléphone portable" type="tel" placeholder="06 12 34 56 78" {...text('mobile')} />
          </SimpleGrid>
        </Fieldset>
        <Checkbox
          label="Élève mineur : représentant légal"
          checked={values.minor}
          onChange={(event) => set('minor', event.currentTarget.checked)}
        />
        {values.minor && (
          <Fieldset legend="Représentant légal">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label="Qualité" data={QUALITIES} {...rep('repQuality', 'quality')} />
              <TextInput label="Nom du représentant" {...rep('repLastName', 'lastName')} />
              <TextInput label="Prénom du représentant" {...rep('repFirstName', 'firstName')} />
              <TextInput label="Adresse du représentant" {...rep('repAddressLine1', 'addressLine1')} />
              <TextInput label="Code postal du représentant" {...rep('repPostalCode', 'postalCode')} />
              <TextInput label="Ville du représentant" {...rep('repCity', 'city')} />
              <TextInput label="Email du représentant" type="email" {...rep('repEmail', 'email')} />
              <TextInput label="Téléphone du représentant" type="tel" {...rep('repPhone', 'phone')} />
            </SimpleGrid>
          </Fieldset>
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            Enregistrer
          </Button>
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
