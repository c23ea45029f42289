/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addField,
  addInput,
  addVariable,
  choicesOf,
  newChoice,
  removeData,
  removeField,
  renameData,
  renameField,
  setChoices,
  technicalName,
  updateInput,
  usagesOf,
} from '../src/model/routeData';
import type { Definition } from '../src/types';

const route = (): Definition => ({
  definitionId: 'r',
  name: 'R',
  inputs: [
    { name: 'pijler', type: 'choice', required: true, displayName: 'Pijler', choices: [{ value: 'PG', label: 'Publieke Gezondheid' }] },
    { name: 'titel', type: 'string', displayName: 'Titel' },
    { name: 'pijlerOud', type: 'string', displayName: 'Pijler (oud)' },
  ],
  variables: [{ name: 'zienswijzen', displayName: 'Zienswijzen', fields: [{ name: 'aantal', type: 'number', displayName: 'Aantal' }] }],
  root: {
    activities: [
      { id: 'start', type: 'Start' },
      {
        id: 'keuze',
        type: 'Switch',
        displayName: 'Welke pijler',
        inputs: {
          cases: [
            { name: 'pg', label: 'PG', condition: { any: [{ subject: 'input.pijler', op: 'is', value: 'PG' }, { subject: 'input.pijlerOud', op: 'isSet' }] } },
            { name: 'veel', condition: { subject: 'variables.zienswijzen.aantal', op: 'after', value: 3 } },
          ],
        },
      },
      {
        id: 'advies',
        type: 'Advies',
        displayName: 'Advies van de BAC',
        inputs: {
          orgaan: { perValue: { subject: 'input.pijler', values: { PG: 'bac-pg' }, otherwise: null } },
          onderwerp: { template: 'Advies over {input.titel} ({input.pijler}); {input.pijlerOud} blijft, {naam} ook' },
          termijn: { choose: { cases: [{ when: { subject: 'input.pijler', op: 'isNot', value: 'PG' }, value: 'P2W' }], otherwise: 'P4W' } },
        },
      },
      { id: 'melding', type: 'Melding', displayName: 'Melding', inputs: { tekst: { template: 'Aantal: {variables.zienswijzen.aantal}' } } },
    ],
    connections: [],
  },
});

test('a technical name is made from the Dutch name', () => {
  assert.equal(technicalName('Soort voorstel'), 'soortVoorstel');
  assert.equal(technicalName('Één keer per jaar'), 'eenKeerPerJaar');
  assert.equal(technicalName('2e lezing'), 'g2eLezing');
  assert.equal(technicalName('  '), 'gegeven');
});

test('the usages of an input are the steps whose rules, computed values and templates name it', () => {
  const usages = usagesOf(route(), 'input', 'pijler');
  assert.deepEqual(
    usages.map((u) => `${u.step}:${u.how}`),
    ['Welke pijler:rule', 'Advies van de BAC:rule', 'Advies van de BAC:template'],
  );
  assert.deepEqual(usagesOf(route(), 'input', 'samenvatting'), []);
});

test('a rename follows rule subjects, perValue, choose cases and placeholders, and leaves longer names alone', () => {
  const result = renameData(route(), 'input', 'pijler', 'domein');
  assert.ok(result.ok);
  const def = result.definition;
  assert.deepEqual(def.inputs!.map((i) => i.name), ['domein', 'titel', 'pijlerOud']);
  const keuze = JSON.stringify(def.root.activities[1]!.inputs);
  assert.match(keuze, /"subject":"input\.domein"/);
  assert.match(keuze, /"subject":"input\.pijlerOud"/);
  const advies = def.root.activities[2]!.inputs!;
  assert.equal(JSON.stringify(advies['orgaan']), '{"perValue":{"subject":"input.domein","values":{"PG":"bac-pg"},"otherwise":null}}');
  assert.equal((advies['onderwerp'] as { template: string }).template, 'Advies over {input.titel} ({input.domein}); {input.pijlerOud} blijft, {naam} ook');
  assert.match(JSON.stringify(advies['termijn']), /"subject":"input\.domein"/);
});

test('a rename is refused where JavaScript uses the name, naming the step', () => {
  const def = route();
  def.root.activities.push({ id: 'oud', type: 'Decision', displayName: 'Oude beslissing', inputs: { condition: 'input.pijler === "PG"' } });
  def.root.activities.push({ id: 'oud2', type: 'Melding', displayName: 'Oude melding', inputs: { tekst: { expression: 'input.pijlerX + 1' } } });
  const result = renameData(def, 'input', 'pijler', 'domein');
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.message.includes('‘Oude beslissing’') && !result.message.includes('Oude melding'), !result.ok ? result.message : '');
  assert.ok(!result.ok && !/\$\.|input\./.test(result.message));
});

test('a rename to a taken or invalid name is refused', () => {
  assert.equal(renameData(route(), 'input', 'pijler', 'titel').ok, false);
  assert.equal(renameData(route(), 'input', 'pijler', 'met spatie').ok, false);
});

test('renaming a variable rewrites its fields in rules and placeholders', () => {
  const result = renameData(route(), 'variable', 'zienswijzen', 'reacties');
  assert.ok(result.ok);
  assert.match(JSON.stringify(result.definition.root.activities[1]!.inputs), /variables\.reacties\.aantal/);
  assert.equal(JSON.stringify(result.definition.root.activities[3]!.inputs), '{"tekst":{"template":"Aantal: {variables.reacties.aantal}"}}');
});

test('renaming a field of a variable follows its rules', () => {
  const result = renameField(route(), 'zienswijzen', 'aantal', 'aantalRaden');
  assert.ok(result.ok);
  assert.match(JSON.stringify(result.definition.root.activities[1]!.inputs), /variables\.zienswijzen\.aantalRaden/);
  assert.deepEqual((result.definition.variables![0]!['fields'] as { name: string }[]).map((f) => f.name), ['aantalRaden']);
});

test('removing a used input is refused naming the steps; an unused one goes', () => {
  const refused = removeData(route(), 'input', 'pijler');
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.message.includes('‘Welke pijler’ en ‘Advies van de BAC’'), !refused.ok ? refused.message : '');
  const removed = removeData(addInput(route(), 'Samenvatting').definition, 'input', 'samenvatting');
  assert.ok(removed.ok);
  assert.deepEqual(removed.definition.inputs!.map((i) => i.name), ['pijler', 'titel', 'pijlerOud']);
  assert.equal(removeField(route(), 'zienswijzen', 'aantal').ok, false);
});

test('an added input, choice, variable and field get free technical names', () => {
  const { definition, name } = addInput(route(), 'Titel', 'choice');
  assert.equal(name, 'titel2');
  const withChoices = setChoices(definition, name, [newChoice([], 'Ja, graag'), newChoice([{ value: 'jaGraag', label: 'x' }], 'Ja graag')]);
  assert.deepEqual(choicesOf(withChoices.inputs!.at(-1)), [
    { value: 'jaGraag', label: 'Ja, graag' },
    { value: 'jaGraag2', label: 'Ja graag' },
  ]);
  assert.equal(updateInput(withChoices, name, { type: 'string' }).inputs!.at(-1)!['choices'], undefined);
  const v = addVariable(route(), 'Zienswijzen');
  assert.equal(v.name, 'zienswijzen2');
  const f = addField(v.definition, 'zienswijzen2', 'Aantal raden');
  assert.deepEqual(f.variables!.at(-1)!['fields'], [{ name: 'aantalRaden', type: 'number', displayName: 'Aantal raden' }]);
});
