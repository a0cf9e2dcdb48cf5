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
  Text,
  TextInput,
} from '@mantine/core';
import {
  type Dossier as AntsDossier,
  ageOn,
  DECLARATIONS,
  DOSSIER_DATE_FIELDS,
  jdcRequired,
  parisToday,
} from '@permis/ants-api';
import { PERMIT_CATEGORIES } from '@permis/referentiel';
import { studentRoutes } from '@permis/school-api/addresses';
import { type ReactNode, useState } from 'react';
import { apiCall } from '../../api.ts';
import { formatDate } from '../../format.ts';
import type { DeclarationKey, Dossier, Prefecture } from '../../types.ts';
import { toIsoDate, useForm } from '../../useForm.ts';
import { declarationId } from '../declarationId.ts';

type Values = Dossier;

/** The dossier with its dates as typed (dd/mm/yyyy). */
function forTyping(dossier: Dossier): Values {
  const dates = Object.fromEntries(DOSSIER_DATE_FIELDS.map((field) => [field, formatDate(dossier[field])]));
  return {
    ...dossier,
    ...dates,
    paper: {
      ...dossier.paper,
      registeredOn: formatDate(dossier.paper.registeredOn),
      bordereauDate: formatDate(dossier.paper.bordereauDate),
    },
  };
}

function forSaving(values: Values): Dossier {
  const dates = Object.fromEntries(DOSSIER_DATE_FIELDS.map((field) => [field, toIsoDate(values[field])]));
  return {
    ...values,
    ...dates,
    paper: {
      ...values.paper,
      registeredOn: toIsoDate(values.paper.registeredOn),
      bordereauDate: toIsoDate(values.paper.bordereauDate),
    },
  };
}

/**
 * Formation › "Dossier 02 - 06": the paper and online parts of the form (seed 002). Saved with
 * "Enregistrer"; the online application is entered from what is saved here.
 */
export function DossierForm({
  studentId,
  birthDate,
  dossier,
  prefectures,
  officePrefecture,
  onSaved,
}: {
  studentId: string;
  /** The student's, for the questions whose answer the age requires. */
  birthDate: string;
  dossier: Dossier;
  prefectures: Prefecture[] | null;
  officePrefecture: string | null;
  onSaved: (dossier: Dossier) => void;
}) {
  const form = useForm<Values>(forTyping(dossier));
  const { values, set, text } = form;
  const [saved, setSaved] = useState(false);
  const paper = (field: keyof Dossier['paper'], value: string) => set('paper', { ...values.paper, [field]: value });
  const declare = (key: DeclarationKey, value: boolean) =>
    set('declarations', { ...values.declarations, [key]: value });
  const jdcNeeded = jdcRequired(ageOn(birthDate, parisToday()));
  const prefecture = prefectures?.find((p) => p.code === values.prefectureCode);

  const save = form.submit(async (current) => {
    setSaved(false);
    const answer = await apiCall(studentRoutes.saveDossier, { params: { id: studentId }, body: forSaving(current) });
    setSaved(true);
    onSaved(answer.dossier);
  });

  const categories = (field: 'requestedCategories' | 'heldCategories', label: string) => (
    <Checkbox.Group
      label={label}
      value={values[field]}
      onChange={(value) => set(field, value)}
      error={form.error?.fieldMessage(field)}
    >
      <Group gap="sm" mt={4}>
        {PERMIT_CATEGORIES.map((category) => (
          <Checkbox key={category} value={category} label={category} />
        ))}
      </Group>
    </Checkbox.Group>
  );

  // One input per field of the contract's dossier, placed below: a field added to `dossierSchema`
  // does not compile until the tab asks it.
  const inputs = {
    neph: <TextInput label="Numéro NEPH" inputMode="numeric" {...text('neph')} />,
    medicalVisitDate: <TextInput label="Visite médicale" placeholder="jj/mm/aaaa" {...text('medicalVisitDate')} />,
    requestedCategories: categories('requestedCategories', 'Catégorie de permis demandé'),
    heldCategories: categories('heldCategories', 'Catégorie(s) déjà obtenue(s)'),
    lastCategoryDate: (
      <TextInput label="Dernière catégorie obtenue le" placeholder="jj/mm/aaaa" {...text('lastCategoryDate')} />
    ),
    lastCategoryPlace: <TextInput label="Lieu" {...text('lastCategoryPlace')} />,
    lastCategoryBy: (
      <Radio.Group
        label="Dernière catégorie obtenue"
        value={values.lastCategoryBy}
        onChange={(value) => set('lastCategoryBy', value as Dossier['lastCategoryBy'])}
      >
        <Group mt={4}>
          <Radio value="exam" label="Par examen" />
          <Radio value="exchange" label="Par échange" />
        </Group>
      </Radio.Group>
    ),
    previousLicenceDepartment: (
      <TextInput
        label="Département de délivrance de l'ancien permis"
        {...text('previousLicenceDepartment', 'previousLicenceDepartment')}
      />
    ),
    previousLicenceCountry: <TextInput label="Pays d'origine de l'ancien permis" {...text('previousLicenceCountry')} />,
    prefectureCode: (
      <NativeSelect
        label="Préfecture"
        description={
          prefectures === null ? "La liste vient du site de l'ANTS : elle n'a pas pu être chargée." : undefined
        }
        data={[
          { value: '', label: `Celle du bureau${officePrefecture ? ` (${officePrefecture})` : ''}` },
          ...(prefectures ?? []).map((p) => ({ value: p.code, label: p.label })),
        ]}
        {...text('prefectureCode')}
      />
    ),
    // The Oui / Non questions, one per answered declaration (DECLARATIONS); the reuse of data is a box.
    declarations: {
      answered: DECLARATIONS.map((block) => (
        <Fieldset key={block.group} legend={block.group}>
          <Stack gap="xs">
            {block.items.map((item) => (
              <Radio.Group
                key={item.key}
                id={declarationId(item.key)}
                label={item.label}
                // Unanswered until the user answers: no box is ticked for the candidate.
                value={radioValue(values.declarations[item.key])}
                onChange={(value) => declare(item.key, value === 'oui')}
                withAsterisk={item.key === 'jdcInOrder' && jdcNeeded}
                description={
                  item.key === 'jdcInOrder' && jdcNeeded
                    ? 'Réponse obligatoire pour une demande en ligne : le candidat a entre 17 et 25 ans.'
                    : undefined
                }
              >
                <Group mt={2}>
                  <Radio value="oui" label="Oui" />
                  <Radio value="non" label="Non" />
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </Fieldset>
      )),
      dataReuseOpposition: (
        <Checkbox
          label="Je m'oppose à la réutilisation de mes données personnelles à des fins autres que celles pour lesquelles elles sont collectées"
          checked={values.declarations.dataReuseOpposition}
          onChange={(event) => declare('dataReuseOpposition', event.currentTarget.checked)}
        />
      ),
    },
    training: (
      <Radio.Group
        label="Formation"
        value={values.training}
        onChange={(value) => set('training', value as Dossier['training'])}
      >
        <Stack gap={4} mt={4}>
          <Radio value="none" label="Ni l'un ni l'autre" />
          <Radio value="aac" label="de l'apprentissage anticipé de la conduite (AAC)" />
          <Radio value="supervised" label="de la conduite supervisée" />
        </Stack>
      </Radio.Group>
    ),
  } satisfies Record<keyof AntsDossier, ReactNode | Record<string, ReactNode>>;

  return (
    <form onSubmit={save} noValidate aria-label="Dossier 02 - 06">
      <Stack gap="md">
        {form.error && (
          <Alert color="red" variant="light" data-testid="error-alert">
            {form.error.message}
          </Alert>
        )}
        <Fieldset legend='Informations concernant les demandes "papier"'>
          <Stack gap="sm">
            <Radio.Group
              label="Je souhaite recevoir mes identifiants de suivi de distribution de mon permis (non disponible pour les demandes en ligne)"
              value={values.paper.trackingBy}
              onChange={(value) => paper('trackingBy', value)}
            >
              <Group mt={4}>
                <Radio value="courrier" label="Par courrier" />
                <Radio value="courriel" label="Par courriel" />
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Date d'enregistrement"
                placeholder="jj/mm/aaaa"
                value={values.paper.registeredOn}
                onChange={(event) => paper('registeredOn', event.currentTarget.value)}
                error={form.error?.fieldMessage('paper.registeredOn')}
              />
              <TextInput
                label="Bordereau N°"
                value={values.paper.bordereauNumber}
                onChange={(event) => paper('bordereauNumber', event.currentTarget.value)}
              />
              <TextInput
                label="Date du bordereau"
                placeholder="jj/mm/aaaa"
                value={values.paper.bordereauDate}
                onChange={(event) => paper('bordereauDate', event.currentTarget.value)}
                error={form.error?.fieldMessage('paper.bordereauDate')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend='Saisie des informations de la demande ("papier" et "en ligne")'>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {inputs.neph}
              {inputs.medicalVisitDate}
            </SimpleGrid>
            {inputs.requestedCategories}
            {inputs.heldCategories}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {inputs.lastCategoryDate}
              {inputs.lastCategoryPlace}
            </SimpleGrid>
            {inputs.lastCategoryBy}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {inputs.previousLicenceDepartment}
              {inputs.previousLicenceCountry}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {inputs.prefectureCode}
              <TextInput label="Département" value={prefecture?.department ?? ''} readOnly />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        {inputs.declarations.answered}

        <Fieldset legend="Le Candidat a choisi :">{inputs.training}</Fieldset>

        <Stack gap="xs">
          {inputs.declarations.dataReuseOpposition}
          <Checkbox
            label="Mandat papier signé par l'élève (pas de validation en ligne par l'élève)"
            checked={values.paperMandate}
            onChange={(event) => set('paperMandate', event.currentTarget.checked)}
          />
        </Stack>

        <Fieldset legend="ePhoto">
          <Text size="sm" c="dimmed" mb="xs">
            Inscription au permis : code dans « Code ePhoto Cerfa 02 » ; demande de titre : dans « Code ePhoto Cerfa 06
            ». Un code ne sert qu'une fois.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Code ePhoto Cerfa 02" {...text('ephotoCode02')} />
            <TextInput label="Code ePhoto Cerfa 06" {...text('ephotoCode06')} />
          </SimpleGrid>
        </Fieldset>

        <Group>
          <Button type="submit" loading={form.submitting}>
            Enregistrer le dossier
          </Button>
          {saved && (
            <Text size="sm" fw={600} role="status">
              Dossier enregistré.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

const radioValue = (value: boolean | null) => (value === null ? null : value ? 'oui' : 'non');
