/// <reference types="node" />
// The property panel in words (ADR 0031): pickers from the step's declaration, counts with their unit, defaults in
// words, values per pillar, and JavaScript shown to an administrator only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { InputEditor } from '../src/components/InputEditor';
import { subjectsOf } from '../src/model/conditions';
import type { Activity, ActivityDescriptor, InputDescriptor, Json, PickLists } from '../src/types';
import { shipped } from './fixtures';

const { definition: voorstel } = shipped('voorstel');
const subjects = subjectsOf(voorstel);

const lists: PickLists = {
  bodies: [
    { id: 'bac-pg', name: 'BAC Publieke Gezondheid', kind: 'Bac' },
    { id: 'bac-zv', name: 'BAC Zorg en Veiligheid', kind: 'Bac' },
    { id: 'db', name: 'Dagelijks bestuur', kind: 'DagelijksBestuur' },
    { id: 'raad-assen', name: 'Gemeenteraad Assen', kind: 'Gemeenteraad' },
  ],
  members: [{ id: 'm001', name: 'Anneke Bakker', role: 'portefeuillehouder', body: 'bac-pg', bodyName: 'BAC Publieke Gezondheid' }],
  meetings: [],
};

const input = (name: string, type: InputDescriptor['type'], extra: Partial<InputDescriptor> = {}): InputDescriptor => ({
  name, type, displayName: name, description: '', required: false, default: undefined, choices: null, supportsExpression: true, ...extra,
});

const orgaan = input('orgaan', 'String', { displayName: 'Orgaan', required: true, picker: { picks: ['body'], kinds: ['Bac', 'DagelijksBestuur'], also: [] } });
const aan = input('aan', 'StringList', {
  displayName: 'Aan', required: true,
  picker: { picks: ['body', 'member'], kinds: [], also: [{ value: 'raden', label: 'Alle raden' }, { value: 'portefeuillehouder', label: 'De portefeuillehouder van het voorstel' }] },
});
const herinneringen = input('herinneringen', 'StringList', { displayName: 'Herinneringen', default: ['2'], unit: { one: 'werkdag', many: 'werkdagen', after: 'vóór de termijn' } });
const vroeg = input('vroegBesluiten', 'Boolean', { displayName: 'Besluiten zodra de uitkomst vaststaat', default: true });
const onderwerp = input('onderwerp', 'String', { displayName: 'Onderwerp' });
const advies: ActivityDescriptor = {
  type: 'Advies', version: 1, category: 'Bestuur', displayName: 'Advies (BAC)', description: '', isBlocking: true, isStart: false, isEnd: false,
  inputs: [orgaan, herinneringen, vroeg, onderwerp, aan], ports: ['positief'], portsFromInput: null,
};

const render = (inp: InputDescriptor, value: Json | undefined, isAdministrator = false) => {
  const activity: Activity = { id: 'advies', type: 'Advies', inputs: value === undefined ? {} : { [inp.name]: value } };
  return renderToStaticMarkup(
    createElement(InputEditor, { activity, input: inp, descriptor: advies, bodies: [], errors: [], subjects, route: voorstel, lists, isAdministrator, onChange: () => {} }),
  );
};

const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

test('a body is picked by name among the kinds the input declares, and its forms are vast, per waarde and met regels', () => {
  const html = render(orgaan, 'db');
  assert.match(html, /<option value="db" selected="">Dagelijks bestuur<\/option>/);
  assert.match(html, /BAC Zorg en Veiligheid/);
  assert.doesNotMatch(html, /Gemeenteraad Assen/, 'a council does not fit an advice');
  assert.match(text(html), /Vast Per waarde Met regels/);
  assert.doesNotMatch(text(html), /JavaScript/);
});

test("a body per pillar reads 'Publieke Gezondheid → BAC Publieke Gezondheid'", () => {
  const html = render(orgaan, { perValue: { subject: 'input.pijler', values: { PubliekeGezondheid: 'bac-pg', ZorgEnVeiligheid: 'bac-zv' } } });
  assert.match(text(html), /Publieke Gezondheid →/);
  assert.match(html, /<option value="bac-pg" selected="">BAC Publieke Gezondheid<\/option>/);
  assert.match(html, /<option value="bac-zv" selected="">BAC Zorg en Veiligheid<\/option>/);
  assert.doesNotMatch(text(html), /input\.|perValue|bac-pg/);
});

test('reminders are rows with their unit and the default is told in words', () => {
  const html = render(herinneringen, undefined);
  assert.match(text(html), /Standaard: 2 werkdagen vóór de termijn\./);
  assert.match(html, /value="2"/);
  assert.match(text(html), /werkdagen vóór de termijn/);
  assert.doesNotMatch(text(html), /\["2"\]/);
});

test('a yes/no default reads aan or uit, never true', () => {
  const t = text(render(vroeg, undefined));
  assert.match(t, /Standaard: aan\./);
  assert.doesNotMatch(t, /\btrue\b/);
});

test("a Melding's recipients offer the fixed choices first, then organs and members by name and role", () => {
  const t = text(render(aan, ['portefeuillehouder']));
  assert.match(t, /Alle raden De portefeuillehouder van het voorstel Organen/);
  assert.match(t, /Anneke Bakker \(portefeuillehouder, BAC Publieke Gezondheid\)/);
});

test('JavaScript is shown to an administrator only; a process owner reads that code computes the value', () => {
  const script = { expression: "'Besluit: ' + input.titel" };
  const owner = render(onderwerp, script, false);
  assert.doesNotMatch(owner, /textarea/);
  assert.match(text(owner), /alleen een beheerder kan die wijzigen/);
  assert.doesNotMatch(text(owner), /input\.titel/);
  const admin = render(onderwerp, script, true);
  assert.match(admin, /data-testid="invoer-onderwerp-expressie"/);
  assert.match(text(admin), /Geavanceerd \(JavaScript\)/);
  assert.doesNotMatch(text(render(onderwerp, 'Besluit', false)), /Geavanceerd/);
});

test("a text with the proposal's data shows the datum by its name", () => {
  const html = render(onderwerp, { template: 'Besluit: {input.titel}' });
  assert.match(html, /value="Besluit: \{Titel\}"/);
  assert.match(text(html), /Invoegen: Titel/);
});
