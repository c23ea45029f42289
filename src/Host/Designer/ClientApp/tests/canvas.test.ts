/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openingViewport, readableZoom } from '../src/model/layout';
import { addJoined, joinToAnchor } from '../src/model/placement';
import { mapErrors, placeOf, plainMessage, type Names } from '../src/model/errors';
import { descriptors } from './fixtures';
import type { Activity, Definition } from '../src/types';

test('the readable zoom draws a 14.4 px title at 12 px, and never enlarges', () => {
  assert.ok(Math.abs(readableZoom(14.4) - 12 / 14.4) < 1e-9);
  assert.equal(readableZoom(10), 1);
});

test('a route that fits at a readable zoom is shown whole and centred', () => {
  const v = openingViewport([{ x: 0, y: 0, width: 160, height: 80 }, { x: 300, y: 0, width: 160, height: 80 }], { x: 0, y: 0, width: 160, height: 80 }, { width: 1000, height: 500 }, 0.8);
  assert.equal(v.zoom, 1);
  assert.equal(v.x, (1000 - 460) / 2);
  assert.equal(v.y, (500 - 80) / 2);
});

test('a long route opens at the readable zoom with Start near the left edge and centred on its row', () => {
  const steps = [
    { x: 0, y: 300, width: 160, height: 80 },
    { x: 2720, y: 300, width: 160, height: 80 },
    { x: 1910, y: -280, width: 160, height: 80 },
    { x: 2180, y: 560, width: 160, height: 80 },
  ];
  const v = openingViewport(steps, steps[0], { width: 800, height: 500 }, 0.84, 24);
  assert.equal(v.zoom, 0.84);
  assert.equal(v.x, 24);
  // Start's centre (y 340) is drawn in the middle of the pane.
  assert.ok(Math.abs(v.y + 340 * 0.84 - 250) < 1e-9);
});

const def = (connections: [string, string, string][], extra: Activity[] = []): Definition => ({
  definitionId: 'x',
  name: 'X',
  root: {
    activities: [
      { id: 'start', type: 'Start' },
      { id: 'besluit', type: 'Besluit', inputs: { orgaan: 'db' } },
      { id: 'einde', type: 'End' },
      ...extra,
    ],
    connections: connections.map(([s, p, t]) => ({ source: { activity: s, port: p }, target: { activity: t, port: 'In' } })),
  },
});

test('a step after a step with one free exit is connected to that exit', () => {
  const d = def([['besluit', 'vastgesteld', 'einde'], ['besluit', 'verworpen', 'einde']]);
  const joined = joinToAnchor(d, 'besluit', ['Done'], descriptors);
  assert.deepEqual(joined, { kind: 'free', port: 'gewijzigdVastgesteld' });
  const next = addJoined(d, { id: 'nieuw', type: 'Start' }, joined, 'besluit');
  assert.deepEqual(next.root.connections.at(-1), { source: { activity: 'besluit', port: 'gewijzigdVastgesteld' }, target: { activity: 'nieuw', port: 'In' } });
  assert.equal(next.root.activities.at(-1)!.id, 'nieuw');
});

test('a step after a step whose only exit is connected is put into that connection', () => {
  const d = def([['start', 'Done', 'besluit']]);
  d.root.connections[0]!['note'] = 'kept';
  const joined = joinToAnchor(d, 'start', ['Done'], descriptors);
  assert.deepEqual(joined, { kind: 'inserted', port: 'Done', target: 'besluit', newPort: 'Done' });
  const next = addJoined(d, { id: 'tussen', type: 'Start' }, joined, 'start');
  assert.deepEqual(
    next.root.connections.map((c) => `${c.source.activity}:${c.source.port}->${c.target.activity}`),
    ['start:Done->tussen', 'tussen:Done->besluit'],
  );
  assert.equal(next.root.connections[0]!['note'], 'kept');
});

test('an ambiguous place, an end step or no selection leaves the new step unconnected', () => {
  assert.deepEqual(joinToAnchor(def([]), 'besluit', ['Done'], descriptors), { kind: 'none', reason: 'ambiguous' });
  assert.deepEqual(joinToAnchor(def([['start', 'Done', 'besluit']]), 'start', ['a', 'b'], descriptors), { kind: 'none', reason: 'ambiguous' });
  assert.deepEqual(joinToAnchor(def([]), 'einde', ['Done'], descriptors), { kind: 'none', reason: 'no-exit' });
  assert.deepEqual(joinToAnchor(def([]), null, ['Done'], descriptors), { kind: 'none', reason: 'no-anchor' });
  const d = def([]);
  assert.deepEqual(addJoined(d, { id: 'los', type: 'Start' }, { kind: 'none', reason: 'ambiguous' }, 'besluit').root.connections, []);
});

const names: Names = {
  step: (id) => ({ besluit: 'Besluit DB', einde: 'Einde' })[id] ?? 'Stap zonder titel',
  field: (_, input) => (input === 'orgaan' ? 'Orgaan' : null),
  connection: () => 'van ‘Start’, uitgang ‘Verder’, naar ‘Besluit DB’',
  routeData: (kind, name) => (kind === 'input' && name === 'pijler' ? 'Pijler' : null),
};

test('errors are placed by step title and Dutch field name, route data by its name, and the rest on the route', () => {
  const sent: Definition = { ...def([['start', 'Done', 'besluit']]), inputs: [{ name: 'pijler', displayName: 'Pijler' }] };
  const m = mapErrors(
    [
      { path: '$.root.activities[1].inputs.orgaan.perValue.values', message: 'Onbekend orgaan' },
      { path: '$.root.activities[1].inputs.geheim', message: 'x' },
      { path: '$.root.connections[0].target', message: 'x' },
      { path: '$.inputs[0].choices[1]', message: 'x' },
      { path: '$.variables[4]', message: 'x' },
      { path: '$.name', message: 'x' },
    ],
    sent,
  );
  assert.deepEqual(
    m.all.map((e) => placeOf(e, names)),
    [
      { where: 'Stap ‘Besluit DB’, veld ‘Orgaan’', goto: 'step' },
      { where: 'Stap ‘Besluit DB’', goto: 'step' },
      { where: 'Verbinding van ‘Start’, uitgang ‘Verder’, naar ‘Besluit DB’', goto: 'connection' },
      { where: 'Gegevens van de route, invoer ‘Pijler’', goto: 'routeData' },
      { where: 'Route', goto: null },
      { where: 'Route', goto: null },
    ],
  );
});

test('a message never shows a JSON path', () => {
  assert.equal(plainMessage('$.root.activities[2].inputs.orgaan: Onbekend orgaan ‘x’.'), 'Onbekend orgaan ‘x’.');
  assert.equal(plainMessage('Zie ($.inputs[0]) hierboven'), 'Zie hierboven');
  assert.equal(plainMessage('$.root'), 'Dit onderdeel is niet in orde.');
});
