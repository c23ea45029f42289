/// <reference types="node" />
// Rules without JavaScript: read from and written to the contract's JSON, told in Dutch, and the computed forms of a
// value (per value, by rules, a text with the proposal's data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeRule,
  fromBuilder,
  isJavaScript,
  isRule,
  newClause,
  operatorsFor,
  subjectsOf,
  toBuilder,
  withOperator,
  type Rule,
} from '../src/model/conditions';
import { fixedOf, formOf, formsFor, templateFromWords, templateParts, templateToWords } from '../src/model/values';
import type { Definition, InputDescriptor } from '../src/types';

const route: Pick<Definition, 'inputs' | 'variables'> = {
  inputs: [
    { name: 'titel', type: 'string', displayName: 'Titel' },
    {
      name: 'soort',
      type: 'choice',
      displayName: 'Soort voorstel',
      choices: [
        { value: 'begroting', label: 'Begroting' },
        { value: 'begrotingswijziging', label: 'Begrotingswijziging' },
      ],
    },
    { name: 'zienswijzenVrijgesteld', type: 'boolean', displayName: 'Vrijgesteld van zienswijzen' },
    { name: 'ingediend', type: 'date', displayName: 'Ingediend op' },
  ],
  variables: [
    { name: 'zienswijzen', displayName: 'Zienswijzen van de raden', fields: [{ name: 'aantalMetZienswijze', type: 'number', displayName: 'Aantal raden met een zienswijze' }] },
  ],
};
const subjects = subjectsOf(route);

const naDb: Rule = {
  any: [
    { subject: 'input.soort', op: 'is', value: 'begroting' },
    { all: [{ subject: 'input.soort', op: 'is', value: 'begrotingswijziging' }, { subject: 'input.zienswijzenVrijgesteld', op: 'isNot', value: true }] },
  ],
};

test("the route's inputs, variables and their fields are the subjects, by their Dutch names", () => {
  assert.deepEqual(
    subjects.map((s) => [s.path, s.label]),
    [
      ['input.titel', 'Titel'],
      ['input.soort', 'Soort voorstel'],
      ['input.zienswijzenVrijgesteld', 'Vrijgesteld van zienswijzen'],
      ['input.ingediend', 'Ingediend op'],
      ['variables.zienswijzen', 'Zienswijzen van de raden'],
      ['variables.zienswijzen.aantalMetZienswijze', 'Zienswijzen van de raden: Aantal raden met een zienswijze'],
    ],
  );
});

test('a rule is told in Dutch: choices by their labels, yes/no, dates in words, "en"/"of" with a group in brackets', () => {
  assert.equal(describeRule(naDb, subjects), 'Soort voorstel is Begroting of (Soort voorstel is Begrotingswijziging en Vrijgesteld van zienswijzen is niet ja)');
  assert.equal(describeRule({ subject: 'input.soort', op: 'oneOf', value: ['begroting', 'begrotingswijziging'] }, subjects), 'Soort voorstel is een van Begroting of Begrotingswijziging');
  assert.equal(describeRule({ subject: 'input.ingediend', op: 'before', value: '2027-04-06' }, subjects), 'Ingediend op vóór 6 april 2027');
  assert.equal(describeRule({ subject: 'variables.zienswijzen.aantalMetZienswijze', op: 'after', value: 0 }, subjects), 'Zienswijzen van de raden: Aantal raden met een zienswijze na 0');
  assert.equal(describeRule({ subject: 'input.titel', op: 'isSet' }, subjects), 'Titel is ingevuld');
  assert.equal(describeRule({ all: [] }, subjects), 'altijd');
});

test('the builder reads a rule of one nested level and writes back the same JSON', () => {
  for (const rule of [naDb, { subject: 'input.titel', op: 'isNotSet' } as Rule, { all: [{ subject: 'input.titel', op: 'isSet' }, { subject: 'input.soort', op: 'is', value: 'begroting' }] } as Rule]) {
    const builder = toBuilder(rule);
    assert.ok(builder);
    assert.deepEqual(fromBuilder(builder), rule);
  }
  assert.equal(toBuilder({ all: [{ any: [{ all: [{ subject: 'input.titel', op: 'isSet' }] }] }] }), null, 'deeper than one group is told in words only');
});

test('rules and JavaScript are told apart', () => {
  assert.ok(isRule(naDb));
  assert.ok(isRule({ all: [] }));
  assert.ok(!isRule({ subject: 'input.soort', op: 'gelijk', value: 'x' }));
  assert.ok(!isRule({ all: [], any: [] }));
  assert.ok(isJavaScript("input.soort === 'begroting'"));
  assert.ok(!isJavaScript(naDb));
});

test('an operator fits its subject, and changing it reshapes the value', () => {
  const soort = subjects.find((s) => s.path === 'input.soort');
  assert.deepEqual(operatorsFor(soort), ['is', 'isNot', 'oneOf', 'notOneOf', 'isSet', 'isNotSet']);
  assert.ok(operatorsFor(subjects.find((s) => s.path === 'input.ingediend')).includes('before'));
  assert.deepEqual(newClause(soort), { subject: 'input.soort', op: 'is', value: 'begroting' });
  assert.deepEqual(newClause(subjects[2]), { subject: 'input.zienswijzenVrijgesteld', op: 'is', value: true });
  const list = withOperator({ subject: 'input.soort', op: 'is', value: 'begroting' }, 'oneOf', soort);
  assert.deepEqual(list, { subject: 'input.soort', op: 'oneOf', value: ['begroting'] });
  assert.deepEqual(withOperator(list, 'is', soort), { subject: 'input.soort', op: 'is', value: 'begroting' });
  assert.deepEqual(withOperator(list, 'isSet', soort), { subject: 'input.soort', op: 'isSet' });
});

const bodyInput: InputDescriptor = {
  name: 'orgaan', type: 'String', displayName: 'Orgaan', description: '', required: true, default: undefined, choices: null, supportsExpression: true,
  picker: { picks: ['body'], kinds: ['Bac'], also: [] },
};
const textInput: InputDescriptor = { ...bodyInput, name: 'onderwerp', displayName: 'Onderwerp', picker: null };

test('a body offers "vast", "per waarde" and rules; a text "vast" and "met gegevens"; JavaScript only for an administrator', () => {
  assert.deepEqual(formsFor(bodyInput, false), ['fixed', 'perValue', 'choose']);
  assert.deepEqual(formsFor(textInput, false), ['fixed', 'template']);
  assert.deepEqual(formsFor(textInput, true), ['fixed', 'template', 'expression']);
  assert.deepEqual(formsFor({ ...textInput, supportsExpression: false }, true), ['fixed']);
});

test('the form of a value is read from its one key; going back to "vast" keeps the first value it names', () => {
  const perPijler = { perValue: { subject: 'input.pijler', values: { PubliekeGezondheid: 'bac-pg', ZorgEnVeiligheid: 'bac-zv' } } };
  assert.equal(formOf(perPijler), 'perValue');
  assert.equal(formOf({ template: 'Kaderbrief: {input.titel}' }), 'template');
  assert.equal(formOf({ expression: '1' }), 'expression');
  assert.equal(formOf('bac-pg'), 'fixed');
  assert.equal(formOf({ subject: 'x' }), 'fixed');
  assert.equal(fixedOf(perPijler), 'bac-pg');
  assert.equal(fixedOf({ choose: { cases: [], otherwise: 'db' } }), 'db');
});

test('a text with the proposal\'s data is edited with each datum by its name, and stored by its path', () => {
  assert.equal(templateToWords('Kaderbrief: {input.titel} voor {naam}', subjects), 'Kaderbrief: {Titel} voor {naam}');
  assert.equal(templateFromWords('Kaderbrief: {Titel} voor {naam}', subjects), 'Kaderbrief: {input.titel} voor {naam}');
  assert.deepEqual(templateParts('Kaderbrief: {input.titel}!'), [{ text: 'Kaderbrief: ' }, { subject: 'input.titel' }, { text: '!' }]);
});
