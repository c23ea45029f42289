/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addActivity,
  connect,
  createActivity,
  edgeIds,
  moveActivities,
  portsOf,
  removeElements,
  renamePort,
  serialize,
  setDisplayName,
  setInput,
  setPortTarget,
  uniqueId,
} from '../src/model/definition';
import { createHistory, push, undo } from '../src/model/history';
import { toFlowEdges, toFlowNodes } from '../src/model/flow';
import { descriptors, shipped } from './fixtures';

const names = ['voorstel', 'voorbeeld-termijn', 'wijziging-regeling', 'zvhd-jaarplan', 'netwerktafel-thema'];

test('export after import is the same text for the shipped definitions written by the exporter', () => {
  for (const name of names) {
    const { text, definition } = shipped(name);
    const exported = serialize(definition);
    assert.equal(exported, JSON.stringify(JSON.parse(text), null, 2) + '\n', name);
    assert.equal(serialize(JSON.parse(exported)), exported, name);
  }
  // voorstel.json is written in the exporter's own format, byte for byte.
  const { text, definition } = shipped('voorstel');
  assert.equal(serialize(definition), text.endsWith('\n') ? text : text + '\n');
});

test('the canvas view keeps every field: moving a step there and back gives the same definition', () => {
  const { definition } = shipped('voorstel');
  const nodes = toFlowNodes([], definition);
  assert.equal(nodes.length, definition.root.activities.length);
  const edges = toFlowEdges([], definition);
  assert.equal(edges.length, definition.root.connections.length);
  assert.deepEqual(
    edges.map((e) => e.id),
    edgeIds(definition.root.connections),
  );
  const moved = moveActivities(definition, new Map([['voorbereiding', { x: 500.4, y: 20.6 }]]));
  const { x, y } = definition.root.activities.find((a) => a.id === 'voorbereiding')!.designer!;
  const back = moveActivities(moved, new Map([['voorbereiding', { x, y }]]));
  assert.equal(serialize(back), serialize(definition));
  assert.deepEqual(moved.root.activities[1]!.designer, { x: 500, y: 21 });
  assert.equal(moved.variables, definition.variables, 'untouched parts are shared, not copied');
  assert.equal(moved.root.activities[2], definition.root.activities[2]);
});

test('an edited input keeps its place among the other inputs; removing it lets the default apply', () => {
  const { definition } = shipped('voorstel');
  const changed = setInput(definition, 'voorbereiding', 'doorlooptijd', 'P3W');
  const inputs = changed.root.activities.find((a) => a.id === 'voorbereiding')!.inputs!;
  assert.deepEqual(Object.keys(inputs), ['groep', 'taak', 'doorlooptijd']);
  assert.equal(inputs['doorlooptijd'], 'P3W');
  const removed = setInput(changed, 'voorbereiding', 'doorlooptijd', undefined);
  assert.deepEqual(Object.keys(removed.root.activities.find((a) => a.id === 'voorbereiding')!.inputs!), ['groep', 'taak']);
  assert.equal(setInput(definition, 'voorbereiding', 'doorlooptijd', 'P2W'), definition, 'the same value is no change');
});

test('undo after edits gives back exactly the exported text of before', () => {
  const { definition } = shipped('voorbeeld-termijn');
  let h = createHistory(definition);
  h = push(h, setDisplayName(h.present, 'termijn', 'Termijn verstreken?'));
  h = push(h, removeElements(h.present, ['eerste'], []));
  h = push(h, connect(h.present, 'termijn', 'Done', 'gereageerd'));
  assert.notEqual(serialize(h.present), serialize(definition));
  h = undo(undo(undo(h)));
  assert.equal(serialize(h.present), serialize(definition));
});

test('removing a step removes its connections; removing an edge removes that connection only', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const without = removeElements(definition, ['eerste'], []);
  assert.equal(without.root.activities.some((a) => a.id === 'eerste'), false);
  assert.equal(without.root.connections.some((c) => c.source.activity === 'eerste' || c.target.activity === 'eerste'), false);
  assert.equal(without.root.connections.length, definition.root.connections.length - 3);
  const oneEdge = removeElements(definition, [], ['gereageerd:True->metReactie']);
  assert.equal(oneEdge.root.connections.length, definition.root.connections.length - 1);
});

test('the keyboard connect sets, moves and removes the connection of a port', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const moved = setPortTarget(definition, 'gereageerd', 'True', 'zonderReactie');
  const c = moved.root.connections.find((x) => x.source.activity === 'gereageerd' && x.source.port === 'True')!;
  assert.equal(c.target.activity, 'zonderReactie');
  assert.equal(c.target.port, 'In');
  assert.equal(moved.root.connections.indexOf(c), 6, 'the connection keeps its place');
  const removed = setPortTarget(moved, 'gereageerd', 'True', null);
  assert.equal(removed.root.connections.length, definition.root.connections.length - 1);
  const added = setPortTarget(removed, 'gereageerd', 'True', 'metReactie');
  assert.deepEqual(added.root.connections.at(-1), {
    source: { activity: 'gereageerd', port: 'True' },
    target: { activity: 'metReactie', port: 'In' },
  });
});

test('ports come from the descriptor and from the input that names them', () => {
  const { definition } = shipped('voorstel');
  const route = definition.root.activities.find((a) => a.id === 'route')!;
  assert.deepEqual(portsOf(route, descriptors.get('Switch')), ['bacAdvies', 'Default']);
  const fork = { id: 'f', type: 'Fork', inputs: { branches: ['a', 'b'] } };
  assert.deepEqual(portsOf(fork, descriptors.get('Fork')), ['a', 'b']);
  assert.deepEqual(portsOf({ id: 'd', type: 'Decision' }, descriptors.get('Decision')), ['True', 'False']);
  assert.deepEqual(portsOf({ id: 'x', type: 'Onbekend' }, undefined), []);
});

test('renaming a branch renames the connections from it', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const renamed = renamePort(definition, 'splits', 'reactie', 'antwoord');
  assert.equal(renamed.root.connections[1]!.source.port, 'antwoord');
  assert.equal(renamed.root.connections[2]!.source.port, 'termijn');
});

test('new steps get a free camelCase id, the type, its display name, empty inputs and a position', () => {
  const { definition } = shipped('voorstel');
  const besluit = createActivity(descriptors.get('Besluit')!, definition, { x: 10.2, y: 20.7 });
  assert.deepEqual(besluit, { id: 'besluit', type: 'Besluit', displayName: 'Besluit', inputs: {}, designer: { x: 10, y: 21 } });
  const again = createActivity(descriptors.get('Besluit')!, addActivity(definition, besluit), { x: 0, y: 0 });
  assert.equal(again.id, 'besluit2');
  const fork = createActivity(descriptors.get('Fork')!, definition, { x: 0, y: 0 });
  assert.deepEqual(fork.inputs, { branches: ['tak1', 'tak2'] });
  assert.equal(uniqueId('stap3', new Set(['stap3', 'stap2'])), 'stap4');
});
