/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canRedo, canUndo, COALESCE_MS, createHistory, HISTORY_LIMIT, push, redo, undo } from '../src/model/history';

test('undo and redo walk back and forth through the pushed states', () => {
  let h = createHistory('a');
  h = push(h, 'b', null, 1);
  h = push(h, 'c', null, 2);
  assert.equal(h.present, 'c');
  h = undo(h);
  assert.equal(h.present, 'b');
  h = undo(h);
  assert.equal(h.present, 'a');
  assert.equal(canUndo(h), false);
  assert.equal(undo(h), h);
  h = redo(h);
  h = redo(h);
  assert.equal(h.present, 'c');
  assert.equal(canRedo(h), false);
});

test('a push after undo drops the redo states', () => {
  let h = push(push(createHistory('a'), 'b'), 'c');
  h = push(undo(h), 'x');
  assert.deepEqual([...h.past, h.present], ['a', 'b', 'x']);
  assert.equal(canRedo(h), false);
});

test('pushing the present itself changes nothing', () => {
  const h = push(createHistory('a'), 'b');
  assert.equal(push(h, h.present), h);
});

test('edits with the same key within the window are one step; a pause or another key starts a new one', () => {
  let h = createHistory('');
  h = push(h, 'h', 'field', 1000);
  h = push(h, 'ha', 'field', 1000 + COALESCE_MS - 1);
  h = push(h, 'hal', 'field', 1000 + 2 * COALESCE_MS - 2);
  assert.deepEqual(h.past, ['']);
  h = push(h, 'hallo', 'field', 1000 + 4 * COALESCE_MS);
  assert.deepEqual(h.past, ['', 'hal']);
  h = push(h, 'hallo!', 'other', 1000 + 4 * COALESCE_MS + 1);
  assert.deepEqual(h.past, ['', 'hal', 'hallo']);
  assert.equal(undo(h).present, 'hallo');
});

test('undo ends coalescing: the next edit is a step of its own', () => {
  let h = push(push(createHistory('a'), 'ab', 'k', 1), 'abc', 'k', 2);
  h = push(undo(h), 'aX', 'k', 3);
  assert.deepEqual(h.past, ['a']);
});

test('the history keeps at most HISTORY_LIMIT earlier states', () => {
  let h = createHistory(0);
  for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = push(h, i);
  assert.equal(h.past.length, HISTORY_LIMIT);
  assert.equal(h.past[0], 10);
});
