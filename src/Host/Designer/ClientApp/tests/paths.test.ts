/// <reference types="node" />
// The test run's form from the route's declared inputs, the outcomes a person chooses per decision step, and how the
// "alle paden" view reads a path (ADR 0032).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chosenOutcomes, countPaths, decisionSteps, deviationsHeading, groupPaths, pathStepsText, testRunFields, testRunInput, type RoutePath } from '../src/model/paths';
import { TestRunPanel } from '../src/components/TestRunPanel';
import type { Definition } from '../src/types';
import { descriptors, shipped } from './fixtures';

test('the test run asks the route inputs of voorstel as lists with their labels, yes/no, and leaves documents out', () => {
  const fields = testRunFields(shipped('voorstel').definition);
  const soort = fields.find((f) => f.name === 'soort')!;
  assert.equal(soort.kind, 'choice');
  assert.equal(soort.required, true);
  assert.ok(soort.choices.some((c) => c.value === 'begroting' && c.label === '(Ontwerp)begroting'));
  assert.equal(fields.find((f) => f.name === 'terugkoppelingColleges')!.kind, 'boolean');
  assert.equal(fields.find((f) => f.name === 'titel')!.kind, 'text');
  assert.ok(!fields.some((f) => f.name === 'documenten'), 'documents do not change the route');
});

test('the sample sent leaves empty fields out and sends yes/no as true/false', () => {
  const fields = testRunFields(shipped('voorstel').definition);
  const input = testRunInput(fields, { titel: ' Begroting 2028 ', soort: 'begroting', pijler: '', terugkoppelingColleges: 'ja', zienswijzenVrijgesteld: 'nee' });
  assert.deepEqual(input, { titel: 'Begroting 2028', soort: 'begroting', terugkoppelingColleges: true, zienswijzenVrijgesteld: false });
});

const route: Definition = {
  definitionId: 'proef',
  name: 'Proef',
  root: {
    activities: [
      { id: 'start', type: 'Start' },
      { id: 'keuze', type: 'Switch', inputs: { cases: [{ name: 'a', label: 'Geval A' }] } },
      { id: 'db', type: 'Besluit', displayName: 'Dagelijks bestuur' },
      { id: 'einde', type: 'End', displayName: 'Vastgesteld' },
    ],
    connections: [],
  },
};

test('a step with more than one declared outcome is a decision step; a Switch is evaluated, not chosen', () => {
  const steps = decisionSteps(route, descriptors);
  assert.deepEqual(steps.map((s) => s.activityId), ['db']);
  assert.equal(steps[0]!.expected, 'vastgesteld');
  assert.deepEqual(steps[0]!.outcomes.map((o) => o.label), ['Vastgesteld', 'Gewijzigd vastgesteld', 'Verworpen']);
});

test('only an outcome other than the expected one is sent, and only of a step still in the route', () => {
  const steps = decisionSteps(route, descriptors);
  assert.deepEqual(chosenOutcomes(steps, { db: 'verworpen', weg: 'verworpen' }), { db: 'verworpen' });
  assert.deepEqual(chosenOutcomes(steps, { db: 'vastgesteld' }), {});
  assert.deepEqual(chosenOutcomes(steps, { db: 'bestaatNiet' }), {});
});

test('a path reads as its steps with the outcome of each decision, without the flow steps', () => {
  const path: RoutePath = {
    number: 1,
    inputs: ['Bij elke invoer'],
    outcomes: ['Dagelijks bestuur: Verworpen'],
    expectedOnly: false,
    deviations: 1,
    steps: [
      { activityId: 'start', title: 'Start', outcome: null },
      { activityId: 'keuze', title: 'Keuze', outcome: null },
      { activityId: 'db', title: 'Dagelijks bestuur', outcome: 'Verworpen' },
      { activityId: 'einde', title: 'Vastgesteld', outcome: null },
    ],
  };
  assert.deepEqual(pathStepsText(path, route), ['Dagelijks bestuur (Verworpen)', 'Vastgesteld']);
  assert.equal(countPaths(1), '1 pad');
  assert.equal(countPaths(12), '12 paden');
  assert.equal(countPaths(2024), '2.024 paden');
  assert.equal(countPaths(1234567), '1.234.567 paden');
});

test('the test run form of voorstel offers the kinds by label and the outcome of each decision step, no codes', () => {
  const html = renderToStaticMarkup(
    createElement(TestRunPanel, { definition: shipped('voorstel').definition, descriptors, onRun: async () => Promise.reject(new Error('niet')), onClear: () => {}, hasHighlight: false }),
  );
  assert.match(html, /<option value="begroting">\(Ontwerp\)begroting<\/option>/);
  assert.match(html, /Alle paden tonen/);
  const visible = html.replace(/<[^>]*>/g, ' ');
  assert.doesNotMatch(visible, /metBacs|zonderBacs|beleidsvoorstel\b/);
});

test('the paths with other outcomes are grouped by how many steps take one, fewest first', () => {
  const path = (number: number, deviations: number): RoutePath => ({
    number,
    inputs: ['Bij elke invoer'],
    outcomes: Array.from({ length: deviations }, (_, i) => `Stap ${i}: Anders`),
    expectedOnly: deviations === 0,
    deviations,
    steps: [],
  });
  const groups = groupPaths({ paths: [path(1, 0), path(2, 2), path(3, 1), path(4, 2)], unreached: [], warnings: [], complete: true });
  assert.deepEqual(groups.expected.map((p) => p.number), [1]);
  assert.deepEqual(groups.byDeviations.map((g) => [g.deviations, g.paths.map((p) => p.number)]), [[1, [3]], [2, [2, 4]]]);
  assert.equal(groups.other.length, 3);
  assert.equal(deviationsHeading(1), 'Met 1 afwijkende uitkomst');
  assert.equal(deviationsHeading(2), 'Met 2 afwijkende uitkomsten');
});
