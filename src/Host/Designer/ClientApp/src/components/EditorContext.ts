import { createContext, useContext } from 'react';
import type { Node, Edge } from '@xyflow/react';
import type { Activity, ActivityDescriptor } from '../types';
import { noErrors, type MappedErrors } from '../model/errors';

export interface Highlight {
  /** Step number (1-based, the first visit) of every activity on the test run's path. */
  order: ReadonlyMap<string, number>;
  /** The edge ids the path went along. */
  edges: ReadonlySet<string>;
}

export interface EditorContextValue {
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  errors: MappedErrors;
  highlight: Highlight | null;
}

export const EditorContext = createContext<EditorContextValue>({ descriptors: new Map(), errors: noErrors, highlight: null });

export const useEditor = (): EditorContextValue => useContext(EditorContext);

export type ActivityNodeData = {
  activity: Activity;
  /** Ports used by connections that the step does not have (shown so the faulty connection is visible). */
  unknownPorts: string[];
  /** Whether a connection ends at this step (a Start shows its entry only then). */
  hasIncoming: boolean;
  /**
   * Connections from this step to a step that does not exist. React Flow cannot draw them, so the step shows them
   * (with the server's error) at the exit they leave from.
   */
  looseEnds: LooseEnd[];
};

export interface LooseEnd {
  edgeId: string;
  port: string;
  target: string;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;
/** An edge keeps its port's code (the handle it leaves from) and what a person reads for it. */
export type RouteFlowEdge = Edge<{ port: string; portLabel: string }, 'route'>;
