// The shapes of the server's JSON (camelCase), as the API contract describes them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The input types of the engine (InputType, serialised by name). */
export type InputType =
  | 'String'
  | 'Text'
  | 'Integer'
  | 'Boolean'
  | 'Duration'
  | 'DateTime'
  | 'Choice'
  | 'StringList'
  | 'Expression'
  | 'Json'
  | 'ObjectList';

export interface InputDescriptor {
  name: string;
  type: InputType;
  displayName: string;
  description: string;
  required: boolean;
  default: Json | undefined;
  choices: string[] | null;
  supportsExpression: boolean;
  /** What a person reads for each of `choices` (choice code → Dutch label); a choice without one is shown as stored. */
  choiceLabels?: Record<string, string>;
  /** What the value names (bodies of some kinds, members, a meeting, a variable), so the panel offers a list; absent: a plain value. */
  picker?: InputPicker | null;
  /** The unit a number counts ("werkdagen"), told after the number; absent: none. */
  unit?: InputUnit | null;
}

/** What an input picks: `picks` holds "body", "member", "meeting", "variable" or "routeInput". */
export interface InputPicker {
  picks: string[];
  /** The body kinds that fit (empty: every kind). */
  kinds: string[];
  /** Fixed values offered besides, with their labels ("raden" → "Alle raden"). */
  also: { value: string; label: string }[];
}

export interface InputUnit {
  one: string;
  many: string;
  after?: string | null;
}

export interface PortsFromInput {
  inputName: string;
  extra: string[];
  nameProperty: string | null;
  /** When the list holds objects, the property with the port's label (a Switch case's `label`). */
  labelProperty?: string | null;
}

export interface ActivityDescriptor {
  type: string;
  version: number;
  category: string;
  displayName: string;
  description: string;
  isBlocking: boolean;
  isStart: boolean;
  isEnd: boolean;
  inputs: InputDescriptor[];
  ports: string[];
  portsFromInput: PortsFromInput | null;
  /** What a person reads for each fixed port (port → Dutch label, e.g. True → "Waar"). */
  portLabels?: Record<string, string>;
}

export interface Endpoint {
  activity: string;
  port: string;
  [key: string]: unknown;
}

export interface Connection {
  source: Endpoint;
  target: Endpoint;
  [key: string]: unknown;
}

export interface DesignerPosition {
  x: number;
  y: number;
  [key: string]: unknown;
}

export interface Activity {
  id: string;
  type: string;
  typeVersion?: number;
  displayName?: string;
  inputs?: JsonObject;
  designer?: DesignerPosition;
  [key: string]: unknown;
}

export interface Flowchart {
  type?: string;
  activities: Activity[];
  connections: Connection[];
  [key: string]: unknown;
}

export interface DefinitionVariable {
  name: string;
  /** What a person reads for the variable; the name when absent. */
  displayName?: string;
  /** Fields readable in rules as `variables.<name>.<field>`. */
  fields?: { name: string; type?: string; displayName?: string }[];
  [key: string]: unknown;
}

/** A choice of a route input of type `choice`: the stored value and what a person reads. */
export interface InputChoice {
  value: string;
  label?: string;
}

export interface DefinitionInput {
  name: string;
  type?: string;
  required?: boolean;
  displayName?: string;
  description?: string;
  choices?: InputChoice[];
  [key: string]: unknown;
}

/** A definition as in workflow-definitions/: fields this app does not know are kept as they are. */
export interface Definition {
  definitionId: string;
  name: string;
  description?: string;
  variables?: DefinitionVariable[];
  inputs?: DefinitionInput[];
  root: Flowchart;
  [key: string]: unknown;
}

export interface ServerError {
  path: string;
  message: string;
  code?: string;
}

export interface Draft {
  definitionId: string;
  basedOnVersion: number | null;
  revision: number;
  savedAt: string | null;
  savedBy: string | null;
  definition: Definition;
  errors: ServerError[];
}

export interface VersionInfo {
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  createdAt: string;
  createdBy: string | null;
  source: string | null;
}

export interface DiffActivity {
  id: string;
  type?: string;
  displayName?: string | null;
}

export interface DiffChanged {
  id: string;
  displayName?: string | null;
  changes: string[];
}

export interface DiffConnection {
  source: { activity: string; port: string };
  target: { activity: string; port: string };
}

export interface Diff {
  from: number | string;
  to: number | string;
  activities: { added: DiffActivity[]; removed: DiffActivity[]; changed: DiffChanged[] };
  connections: { added: DiffConnection[]; removed: DiffConnection[] };
}

export interface TestRunStep {
  activityId: string;
  date: string | null;
  text: string;
  port: string | null;
  /** The step as people read it; "Stap zonder titel (…)" for a step without a title. */
  title?: string;
  /** The day in words: "20 januari 2027". */
  dateText?: string;
}

export interface TestRunResult {
  path: string[];
  steps: TestRunStep[];
  result: Json;
  decisionDate: string | null;
}

export interface MigrationPlanItem {
  instanceId: string;
  title: string | null;
  fromVersion: number;
  mappable: boolean;
  landsOn: { activityId: string; name: string }[];
  problems: string[];
}

export interface MigrationResultItem {
  instanceId: string;
  migrated: boolean;
  problems: string[];
}

export interface DefinitionListItem {
  definitionId: string;
  version: number;
  name: string;
  description: string | null;
  isPublished: boolean;
  isLatest: boolean;
  createdAt: string;
}

export interface Body {
  id: string;
  name: string;
  kind: string;
}

/** A member of the governance model as the designer may know one: a name and a role, nothing more. */
export interface MemberChoice {
  id: string;
  name: string;
  role: string;
  body: string;
  bodyName: string;
}

export interface MeetingChoice {
  id: string;
  body: string;
  /** jjjj-mm-dd, for the formatter only. */
  date: string;
  time: string;
}

/** What the property panel picks from: given by the page (Route.cshtml). */
export interface PickLists {
  bodies: Body[];
  members: MemberChoice[];
  meetings: MeetingChoice[];
}
