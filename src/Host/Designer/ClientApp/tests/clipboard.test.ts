/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copySelection, paste } from '../src/model/clipboard';
import { serialize } from '../src/model/definition';
import { shipped } from './fixtures';

test('pasted steps get new unique ids and an offset position; connections between them come along', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const before = serialize(definition);
  const copied = copySelection(definition, ['splits', 'wachtOpReactie', 'termijn'])!;
  assert.equal(copied.activities.length, 3);
  assert.equal(copied.connections.length, 2); // splits→wachtOpReactie, splits→termijn; not start→splits nor →eerste

  const { definition: after, ids } = paste(definition, copied, { x: 40, y: 40 });
  assert.deepEqual(ids, ['splits2', 'wachtOpReactie2', 'termijn2']);
  const all = after.root.activities.map((a) => a.id);
  assert.equal(new Set(all).size, all.length);
  const pasted = after.root.activities.find((a) => a.id === 'splits2')!;
  const original = definition.root.activities.find((a) => a.id === 'splits')!.designer!;
  assert.deepEqual(pasted.designer, { x: original.x + 40, y: original.y + 40 });
  assert.deepEqual(pasted.inputs, { branches: ['reactie', 'termijn'] });
  const newConnections = after.root.connections.slice(definition.root.connections.length);
  assert.deepEqual(
    newConnections.map((c) => `${c.source.activity}:${c.source.port}->${c.target.activity}:${c.target.port}`),
    ['splits2:reactie->wachtOpReactie2:In', 'splits2:termijn->termijn2:In'],
  );
  assert.equal(serialize(definition), before, 'the original definition is not changed');
});

test('pasting twice gives ids that are again new', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const copied = copySelection(definition, ['termijn'])!;
  const once = paste(definition, copied, { x: 40, y: 40 });
  const twice = paste(once.definition, copied, { x: 80, y: 80 });
  assert.deepEqual(once.ids, ['termijn2']);
  assert.deepEqual(twice.ids, ['termijn3']);
});

test('the pasted copy does not share objects with the clipboard', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const copied = copySelection(definition, ['termijn'])!;
  const { definition: after } = paste(definition, copied, { x: 0, y: 0 });
  const pasted = after.root.activities.at(-1)!;
  (pasted.inputs!['after'] as { expression: string }).expression = 'changed';
  assert.notEqual((copied.activities[0]!.inputs!['after'] as { expression: string }).expression, 'changed');
});

test('copying nothing gives nothing', () => {
  assert.equal(copySelection(shipped('voorbeeld-termijn').definition, []), null);
});
