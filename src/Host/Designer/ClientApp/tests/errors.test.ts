/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapErrors } from '../src/model/errors';
import type { Definition } from '../src/types';

const sent: Definition = {
  definitionId: 'x',
  name: 'X',
  root: {
    activities: [
      { id: 'start', type: 'Start' },
      { id: 'besluit', type: 'Besluit', inputs: { orgaan: 'onbekend' } },
      { id: 'einde', type: 'End' },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'besluit', port: 'In' } },
      { source: { activity: 'besluit', port: 'vastgesteld' }, target: { activity: 'einde', port: 'In' } },
      { source: { activity: 'besluit', port: 'vastgesteld' }, target: { activity: 'einde', port: 'In' } },
    ],
  },
};

test('an activity path maps to the id of the activity at that index, with the input named', () => {
  const m = mapErrors([{ path: '$.root.activities[1].inputs.orgaan', message: 'Onbekend orgaan' }], sent);
  assert.equal(m.all[0]!.nodeId, 'besluit');
  assert.equal(m.all[0]!.input, 'orgaan');
  assert.equal(m.byNode.get('besluit')!.length, 1);
  assert.equal(m.general.length, 0);
});

test('an input name in brackets is read too', () => {
  const m = mapErrors([{ path: "$.root.activities[1].inputs['met spatie']", message: 'x' }], sent);
  assert.equal(m.all[0]!.input, 'met spatie');
});

test('an activity path without an input concerns the step as a whole', () => {
  const m = mapErrors([{ path: '$.root.activities[2]', message: 'Onbereikbaar' }, { path: '$.root.activities[0].type', message: 't' }], sent);
  assert.equal(m.all[0]!.nodeId, 'einde');
  assert.equal(m.all[0]!.input, undefined);
  assert.equal(m.all[1]!.nodeId, 'start');
});

test('a connection path maps to the edge id, repeated connections numbered', () => {
  const m = mapErrors(
    [
      { path: '$.root.connections[0].target', message: 'a' },
      { path: '$.root.connections[2].source.port', message: 'Dubbel' },
    ],
    sent,
  );
  assert.equal(m.all[0]!.edgeId, 'start:Done->besluit');
  assert.equal(m.all[1]!.edgeId, 'besluit:vastgesteld->einde#2');
  assert.deepEqual([...m.byEdge.keys()], ['start:Done->besluit', 'besluit:vastgesteld->einde#2']);
});

test('paths outside the flowchart, or past its end, are general', () => {
  const m = mapErrors(
    [
      { path: '$.name', message: 'Naam ontbreekt' },
      { path: '$.root.activities[9]', message: 'weg' },
      { path: '$.root', message: 'Geen start' },
    ],
    sent,
  );
  assert.equal(m.general.length, 3);
  assert.equal(m.all[1]!.nodeId, undefined);
});
