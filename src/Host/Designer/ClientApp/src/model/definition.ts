// Pure operations on a definition. The definition JSON is the document the designer edits: every operation
// returns a new definition and copies only what it changes, so fields the designer does not know (variables,
// inputs, descriptions, anything a later engine adds) and the key order of untouched objects survive, and an
// export after import is the same text.

import type { Activity, ActivityDescriptor, Connection, Definition, DefinitionVariable, InputDescriptor, Json, JsonObject } from '../types';

export const TARGET_PORT = 'In';

/** The edge id of a connection: `source:port->target`, with `#2`, `#3` … for repeated connections. */
export function edgeIds(connections: readonly Connection[]): string[] {
  const seen = new Map<string, number>();
  return connections.map((c) => {
    const key = `${c.source.activity}:${c.source.port}->${c.target.activity}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

export function isExpression(value: Json | undefined): value is { expression: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as JsonObject)['expression'] === 'string' &&
    Object.keys(value).length === 1
  );
}

/** The value of an input as given, or the descriptor's default when it is not given. */
export function inputValue(activity: Activity, descriptor: ActivityDescriptor | undefined, name: string): Json | undefined {
  const given = activity.inputs?.[name];
  if (given !== undefined) return given;
  return descriptor?.inputs.find((i) => i.name === name)?.default ?? undefined;
}

/** The outcome ports of an activity: the descriptor's fixed ports, then those named by an input, then the extra ones. */
export function portsOf(activity: Activity, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return [];
  const ports = [...descriptor.ports];
  const fromInput = descriptor.portsFromInput;
  if (fromInput) {
    const value = inputValue(activity, descriptor, fromInput.inputName);
    if (Array.isArray(value)) {
      for (const item of value) {
        const name =
          typeof item === 'string'
            ? item
            : fromInput.nameProperty && item && typeof item === 'object' && !Array.isArray(item)
              ? item[fromInput.nameProperty]
              : undefined;
        if (typeof name === 'string' && name.length > 0) ports.push(name);
      }
    }
    ports.push(...fromInput.extra);
  }
  return [...new Set(ports)];
}

/**
 * What a person reads for a port of a step: for a port named by a list item (a Switch's case), the item's label;
 * else the label the activity declares for the port; else, as a last resort, the port's name.
 */
export function portLabelOf(activity: Activity | undefined, descriptor: ActivityDescriptor | undefined, port: string): string {
  const fromInput = descriptor?.portsFromInput;
  if (activity && fromInput?.nameProperty && fromInput.labelProperty) {
    const items = inputValue(activity, descriptor, fromInput.inputName);
    if (Array.isArray(items)) {
      for (const item of items) {
        if (item && typeof item === 'object' && !Array.isArray(item) && item[fromInput.nameProperty] === port) {
          const label = item[fromInput.labelProperty];
          if (typeof label === 'string' && label.trim() !== '') return label.trim();
        }
      }
    }
  }
  const declared = descriptor?.portLabels?.[port];
  return declared && declared.trim() !== '' ? declared : port;
}

/**
 * The cases of a Switch with case `index` labelled `label` (what people read for its exit), stored under
 * `labelProperty`; an empty label removes it, so the case reads by its name again.
 */
export function withCaseLabel(cases: Json | undefined, index: number, labelProperty: string, label: string): JsonObject[] {
  const list: JsonObject[] = Array.isArray(cases)
    ? cases.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}))
    : [];
  return list.map((c, i) => {
    if (i !== index) return c;
    if (label.trim() !== '') return { ...c, [labelProperty]: label };
    const rest = { ...c };
    delete rest[labelProperty];
    return rest;
  });
}

/** What a person reads for a choice of an input: its declared label, else the stored code. */
export function choiceLabelOf(input: InputDescriptor, code: string): string {
  const label = input.choiceLabels?.[code];
  return label && label.trim() !== '' ? label : code;
}

/** What a person reads for a route's variable: its display name, else its name. */
export function variableLabelOf(variable: DefinitionVariable): string {
  return variable.displayName?.trim() || variable.name;
}

function withRoot(def: Definition, activities: Activity[], connections: Connection[]): Definition {
  return { ...def, root: { ...def.root, activities, connections } };
}

export function findActivity(def: Definition, id: string): Activity | undefined {
  return def.root.activities.find((a) => a.id === id);
}

/** A free id: `base` when unused, else `base2`, `base3` … (a trailing number of the base is replaced). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '') || 'stap';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/\d+$/, '') || 'stap';
  for (let n = 2; ; n++) {
    const candidate = `${stem}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The id a new activity of a type gets: the type in camelCase, numbered when taken. */
export function newActivityId(type: string, def: Definition): string {
  const base = type.charAt(0).toLowerCase() + type.slice(1);
  return uniqueId(base, new Set(def.root.activities.map((a) => a.id)));
}

export function createActivity(descriptor: ActivityDescriptor, def: Definition, position: { x: number; y: number }): Activity {
  const activity: Activity = {
    id: newActivityId(descriptor.type, def),
    type: descriptor.type,
    displayName: descriptor.displayName,
    inputs: {},
    designer: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  // A step whose ports come from a required list starts with one entry, so it can be connected at once.
  const fromInput = descriptor.portsFromInput;
  const listInput = fromInput ? descriptor.inputs.find((i) => i.name === fromInput.inputName) : undefined;
  if (fromInput && listInput?.required && listInput.default == null) {
    activity.inputs![fromInput.inputName] =
      listInput.type === 'ObjectList' && fromInput.nameProperty
        ? [{ [fromInput.nameProperty]: 'geval1', condition: 'true' }]
        : ['tak1', 'tak2'];
  }
  return activity;
}

export function addActivity(def: Definition, activity: Activity): Definition {
  return withRoot(def, [...def.root.activities, activity], def.root.connections);
}

export function updateActivity(def: Definition, id: string, update: (a: Activity) => Activity): Definition {
  let changed = false;
  const activities = def.root.activities.map((a) => {
    if (a.id !== id) return a;
    const next = update(a);
    if (next !== a) changed = true;
    return next;
  });
  return changed ? withRoot(def, activities, def.root.connections) : def;
}

/** Sets (or, with undefined, removes) one input; the other inputs keep their order. */
export function setInput(def: Definition, id: string, name: string, value: Json | undefined): Definition {
  return updateActivity(def, id, (a) => {
    const inputs = { ...(a.inputs ?? {}) };
    if (value === undefined) {
      if (!(name in inputs)) return a;
      delete inputs[name];
    } else {
      if (JSON.stringify(inputs[name]) === JSON.stringify(value)) return a;
      inputs[name] = value;
    }
    return { ...a, inputs };
  });
}

export function setDisplayName(def: Definition, id: string, displayName: string): Definition {
  return updateActivity(def, id, (a) => {
    if (a.displayName === displayName) return a;
    return { ...a, displayName };
  });
}

/** Moves activities; positions are rounded to whole pixels, as the shipped files have them. */
export function moveActivities(def: Definition, positions: ReadonlyMap<string, { x: number; y: number }>): Definition {
  let changed = false;
  const activities = def.root.activities.map((a) => {
    const p = positions.get(a.id);
    if (!p) return a;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (a.designer && a.designer.x === x && a.designer.y === y) return a;
    changed = true;
    return { ...a, designer: { ...(a.designer ?? {}), x, y } };
  });
  return changed ? withRoot(def, activities, def.root.connections) : def;
}

/** Removes activities (with their connections) and connections by edge id. */
export function removeElements(def: Definition, activityIds: Iterable<string>, edgeIdList: Iterable<string>): Definition {
  const nodes = new Set(activityIds);
  const edges = new Set(edgeIdList);
  if (nodes.size === 0 && edges.size === 0) return def;
  const ids = edgeIds(def.root.connections);
  const connections = def.root.connections.filter(
    (c, i) => !edges.has(ids[i]!) && !nodes.has(c.source.activity) && !nodes.has(c.target.activity),
  );
  const activities = def.root.activities.filter((a) => !nodes.has(a.id));
  if (activities.length === def.root.activities.length && connections.length === def.root.connections.length) return def;
  return withRoot(def, activities, connections);
}

export function hasConnection(def: Definition, source: string, port: string, target: string): boolean {
  return def.root.connections.some((c) => c.source.activity === source && c.source.port === port && c.target.activity === target);
}

export function connect(def: Definition, source: string, port: string, target: string): Definition {
  if (hasConnection(def, source, port, target)) return def;
  const connection: Connection = { source: { activity: source, port }, target: { activity: target, port: TARGET_PORT } };
  return withRoot(def, def.root.activities, [...def.root.connections, connection]);
}

/**
 * What the keyboard's "Verbinden" select does: the port's first connection now goes to `target` (or is removed
 * when target is null); a port without a connection gets one.
 */
export function setPortTarget(def: Definition, source: string, port: string, target: string | null): Definition {
  const index = def.root.connections.findIndex((c) => c.source.activity === source && c.source.port === port);
  if (index < 0) return target ? connect(def, source, port, target) : def;
  const current = def.root.connections[index]!;
  if (target === null) {
    return withRoot(def, def.root.activities, def.root.connections.filter((_, i) => i !== index));
  }
  if (current.target.activity === target) return def;
  const connections = def.root.connections.map((c, i) =>
    i === index ? { ...c, target: { ...c.target, activity: target, port: TARGET_PORT } } : c,
  );
  return withRoot(def, def.root.activities, connections);
}

/** Renames a port of one activity in its outgoing connections (a Fork branch or Switch case renamed). */
export function renamePort(def: Definition, activityId: string, from: string, to: string): Definition {
  if (from === to || !def.root.connections.some((c) => c.source.activity === activityId && c.source.port === from)) return def;
  const connections = def.root.connections.map((c) =>
    c.source.activity === activityId && c.source.port === from ? { ...c, source: { ...c.source, port: to } } : c,
  );
  return withRoot(def, def.root.activities, connections);
}

export function setDefinitionField(def: Definition, field: 'name' | 'description', value: string): Definition {
  if (def[field] === value) return def;
  if (field === 'description' && value === '') {
    if (!('description' in def)) return def;
    const copy = { ...def };
    delete copy.description;
    return copy;
  }
  return { ...def, [field]: value };
}

/** The text an export writes: two-space JSON with a final newline, like the files in workflow-definitions/. */
export function serialize(def: Definition): string {
  return JSON.stringify(def, null, 2) + '\n';
}

export function emptyDefinition(definitionId: string, name: string): Definition {
  return {
    definitionId,
    name,
    variables: [],
    inputs: [],
    root: {
      type: 'Flowchart',
      activities: [{ id: 'start', type: 'Start', displayName: 'Start', inputs: {}, designer: { x: 0, y: 0 } }],
      connections: [],
    },
  };
}

/** A readable label of an activity: its display name, else the descriptor's, else its id. */
export function activityLabel(activity: Activity, descriptor: ActivityDescriptor | undefined): string {
  return activity.displayName || descriptor?.displayName || activity.id;
}

/** What a step without a title is called where people read the route (the host's RouteStep says the same). */
export const UNTITLED_STEP = 'Stap zonder titel';

/**
 * A step as the test run names it: its title, else "Stap zonder titel (Melding)" with the kind of step, else
 * "Stap zonder titel" (a step no longer in the definition, or of an unknown kind). Never empty, never an id.
 */
export function stepTitle(activity: Activity | undefined, descriptor: ActivityDescriptor | undefined): string {
  const own = activity?.displayName?.trim();
  if (own) return own;
  const kind = descriptor?.displayName?.trim();
  return kind ? `${UNTITLED_STEP} (${kind})` : UNTITLED_STEP;
}
