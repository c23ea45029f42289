import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import { api, describeProblem, ProblemError } from '../api';
import type { ActivityDescriptor, Body, Definition, Draft, TestRunResult, VersionInfo } from '../types';
import {
  connect,
  createActivity,
  emptyDefinition,
  findActivity,
  hasConnection,
  moveActivities,
  portLabelOf,
  portsOf,
  removeElements,
  serialize,
  stepTitle,
  TARGET_PORT,
} from '../model/definition';
import { canRedo, canUndo, createHistory, push, redo, undo, type History } from '../model/history';
import { copySelection, paste, type Clipboard } from '../model/clipboard';
import { mapErrors, noErrors, placeOf, plainMessage, type MappedErrors } from '../model/errors';
import { layoutPositions, openingViewport, readableZoom, DEFAULT_NODE_SIZE } from '../model/layout';
import { addJoined, joinToAnchor, placeNewStep } from '../model/placement';
import type { DataKind } from '../model/routeData';
import { pathEdges, toFlowEdges, toFlowNodes } from '../model/flow';
import { formatWhen } from '../labels';
import { download } from '../download';
import { EditorContext, type ActivityFlowNode, type Highlight, type RouteFlowEdge } from './EditorContext';
import { ActivityNode } from './ActivityNode';
import { RouteEdge } from './RouteEdge';
import { Palette, DRAG_TYPE } from './Palette';
import { PropertyPanel } from './PropertyPanel';
import { ErrorList, namesOf } from './ErrorList';
import { RouteDataPanel, type RouteDataFocus } from './RouteDataPanel';
import { VersionsPanel } from './VersionsPanel';
import { TestRunPanel } from './TestRunPanel';
import { MigrationDialog } from './MigrationDialog';

const nodeTypes = { activity: ActivityNode };
const edgeTypes = { route: RouteEdge };
const SAVE_DELAY_MS = 1000;

const ariaLabels = {
  'node.a11yDescription.default': 'Druk op Enter of spatie om de stap te selecteren. Druk op Delete om hem te verwijderen, Escape om te annuleren.',
  'node.a11yDescription.keyboardDisabled':
    'Druk op Enter of spatie om de stap te selecteren; verplaats hem daarna met de pijltjestoetsen. Druk op Delete om hem te verwijderen, Escape om te annuleren.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
    `Stap verplaatst naar ${direction}. Nieuwe positie: x ${x}, y ${y}.`,
  'edge.a11yDescription.default': 'Druk op Enter of spatie om de verbinding te selecteren; druk daarna op Delete om haar te verwijderen.',
  'controls.ariaLabel': 'Zoomknoppen',
  'controls.zoomIn.ariaLabel': 'Inzoomen',
  'controls.zoomOut.ariaLabel': 'Uitzoomen',
  'controls.fitView.ariaLabel': 'Alles in beeld',
  'controls.interactive.ariaLabel': 'Bewerken aan of uit',
  'minimap.ariaLabel': 'Overzichtskaart',
  'handle.ariaLabel': 'Aansluitpunt',
};

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string | null; by: string | null }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

type LoadState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'missing' } | { kind: 'ready' };

interface Notice {
  kind: 'info' | 'error';
  text: string;
  errors?: string[];
  link?: { href: string; text: string };
}

/** Whether a key press belongs to a text field (its own undo, copy and paste) rather than to the canvas. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

/** A refused file's errors in words: by step and field when the file is a route, never with a JSON path. */
function importErrors(problem: ProblemError, parsed: unknown, descriptors: ReadonlyMap<string, ActivityDescriptor>): string[] {
  const file = parsed as Definition | undefined;
  const isRoute = !!file && typeof file === 'object' && Array.isArray(file.root?.activities) && Array.isArray(file.root?.connections);
  if (!isRoute) return problem.errors.map((e) => plainMessage(e.message));
  const mapped = mapErrors(problem.errors, file);
  const names = namesOf(file, descriptors);
  return mapped.all.map((e) => {
    const place = placeOf(e, names);
    return `${place.where}: ${plainMessage(e.message)}`;
  });
}

declare global {
  interface Window {
    __ontwerper?: { exportJson(): string; isSaved(): boolean };
  }
}

export function Designer({ definitionId }: { definitionId: string }) {
  const flow = useReactFlow<ActivityFlowNode, RouteFlowEdge>();
  const [descriptorList, setDescriptorList] = useState<ActivityDescriptor[]>([]);
  const descriptors = useMemo(() => new Map(descriptorList.map((d) => [d.type, d])), [descriptorList]);
  // For the edges' labels in callbacks made before the descriptors reached a render.
  const descriptorsRef = useRef<ReadonlyMap<string, ActivityDescriptor>>(descriptors);
  descriptorsRef.current = descriptors;
  const [bodies, setBodies] = useState<Body[]>([]);
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [history, setHistory] = useState<History<Definition> | null>(null);
  const definition = history?.present ?? null;
  const [nodes, setNodes] = useState<ActivityFlowNode[]>([]);
  const [edges, setEdges] = useState<RouteFlowEdge[]>([]);
  const [errors, setErrors] = useState<MappedErrors>(noErrors);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [savedText, setSavedText] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [versionsKey, setVersionsKey] = useState(0);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [migrationOpen, setMigrationOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  /** What the property panel says about a step just added: "Nog niet verbonden" when it could not be joined. */
  const [stepNotice, setStepNotice] = useState<{ id: string; text: string } | null>(null);
  const [dataFocus, setDataFocus] = useState<RouteDataFocus | null>(null);
  /** Whether the opening view (readable zoom, the start in view) has been set for the loaded route. */
  const opened = useRef(false);
  const [openedView, setOpenedView] = useState(false);
  const mainRef = useRef<HTMLDivElement>(null);
  const nodesInitialized = useNodesInitialized();

  // The latest values for handlers that outlive a render (saving, keyboard shortcuts).
  const definitionRef = useRef<Definition | null>(null);
  definitionRef.current = definition;
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const edgesRef = useRef(edges);
  edgesRef.current = edges;
  const revision = useRef(0);
  const savedTextRef = useRef('');
  const inFlight = useRef<Promise<boolean> | null>(null);
  const pendingSelection = useRef<Set<string> | null>(null);
  const clipboard = useRef<Clipboard | null>(null);
  const pasteCount = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const text = useMemo(() => (definition ? serialize(definition) : ''), [definition]);
  const dirty = definition !== null && text !== savedText;
  const selectedIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);

  // --- loading ----------------------------------------------------------------------------------------------

  /** Takes a draft from the server as the document: as a fresh start, or as an undoable change (revert, import). */
  const adoptDraft = useCallback((draft: Draft, mode: 'reset' | 'push') => {
    const def = draft.definition;
    const body = serialize(def);
    revision.current = draft.revision;
    savedTextRef.current = body;
    setSavedText(body);
    setErrors(mapErrors(draft.errors ?? [], def));
    setHighlight(null);
    setSaveStatus(draft.savedAt ? { kind: 'saved', at: draft.savedAt, by: draft.savedBy } : { kind: 'idle' });
    setHistory((h) => (mode === 'reset' || !h ? createHistory(def) : push(h, def)));
    if (mode === 'reset') {
      opened.current = false;
      setOpenedView(false);
    }
    setNodes((prev) => toFlowNodes(mode === 'reset' ? [] : prev, def));
    setEdges((prev) => toFlowEdges(mode === 'reset' ? [] : prev, def, false, descriptorsRef.current));
  }, []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.activityTypes(), api.getDraft(definitionId)]).then(
      ([types, draft]) => {
        if (cancelled) return;
        setDescriptorList(types);
        descriptorsRef.current = new Map(types.map((d) => [d.type, d]));
        adoptDraft(draft, 'reset');
        setLoad({ kind: 'ready' });
      },
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ProblemError && e.status === 404) {
          api.activityTypes().then((types) => !cancelled && setDescriptorList(types), () => undefined);
          setLoad({ kind: 'missing' });
        } else {
          setLoad({ kind: 'failed', message: describeProblem(e) });
        }
      },
    );
    // The bodies make selects of "orgaan" and "raden"; without them those are text fields.
    api.governanceBodies().then((b) => !cancelled && setBodies(b), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [definitionId, adoptDraft]);

  const startNew = () => {
    const def = emptyDefinition(definitionId, definitionId);
    revision.current = 0;
    setHistory(createHistory(def));
    setNodes(toFlowNodes([], def));
    setEdges([]);
    setLoad({ kind: 'ready' });
  };

  // --- the document and its history ----------------------------------------------------------------------

  const commit = useCallback((update: (def: Definition) => Definition, coalesceKey?: string) => {
    setHistory((h) => (h ? push(h, update(h.present), coalesceKey ?? null, Date.now()) : h));
  }, []);

  // Nodes and edges follow the document.
  useEffect(() => {
    if (!definition) return;
    const select = pendingSelection.current;
    pendingSelection.current = null;
    setNodes((prev) => toFlowNodes(prev, definition, select));
    setEdges((prev) => toFlowEdges(prev, definition, select !== null, descriptorsRef.current));
  }, [definition, descriptors]);

  const doUndo = useCallback(() => setHistory((h) => (h ? undo(h) : h)), []);
  const doRedo = useCallback(() => setHistory((h) => (h ? redo(h) : h)), []);

  const sizes = useCallback(
    () =>
      new Map(
        nodesRef.current.map((n) => [n.id, { width: n.measured?.width ?? DEFAULT_NODE_SIZE.width, height: n.measured?.height ?? DEFAULT_NODE_SIZE.height }]),
      ),
    [],
  );

  const addStep = useCallback(
    (type: string, at?: { x: number; y: number }) => {
      const def = definitionRef.current;
      const descriptor = descriptors.get(type);
      if (!def || !descriptor) return;
      const anchor = nodesRef.current.filter((n) => n.selected).at(-1)?.id ?? null;
      // Beside the selected step (dropped or added); without a selection, where it was dropped or right of the route.
      let position = anchor ? undefined : at;
      if (!position) {
        const pane = document.querySelector('.ontwerper-canvas')?.getBoundingClientRect();
        const centre = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
        position = placeNewStep(def, anchor, sizes(), centre);
      }
      const activity = createActivity(descriptor, def, position);
      const joined = joinToAnchor(def, anchor, portsOf(activity, descriptor), descriptors);
      pendingSelection.current = new Set([activity.id]);
      commit((d) => addJoined(d, activity, joinToAnchor(d, anchor, portsOf(activity, descriptor), descriptors), anchor));
      const anchorActivity = anchor ? def.root.activities.find((a) => a.id === anchor) : undefined;
      const anchorName = anchorActivity ? stepTitle(anchorActivity, descriptors.get(anchorActivity.type)) : '';
      const portName = (port: string) => portLabelOf(anchorActivity, anchorActivity ? descriptors.get(anchorActivity.type) : undefined, port);
      const targetName = (id: string) => {
        const t = def.root.activities.find((a) => a.id === id);
        return stepTitle(t, t ? descriptors.get(t.type) : undefined);
      };
      const how =
        joined.kind === 'free'
          ? `, verbonden met de uitgang “${portName(joined.port)}” van “${anchorName}”`
          : joined.kind === 'inserted'
            ? `, tussen “${anchorName}” en “${targetName(joined.target)}” gezet`
            : '';
      setStepNotice(
        joined.kind === 'none'
          ? {
              id: activity.id,
              text:
                joined.reason === 'no-anchor'
                  ? 'Nog niet verbonden. Verbind de stap hieronder bij Verbinden, of sleep een lijn op het canvas.'
                  : `Nog niet verbonden: bij “${anchorName}” was niet duidelijk welke uitgang naar deze stap moet. Kies het hieronder bij Verbinden, of sleep een lijn op het canvas.`,
            }
          : null,
      );
      setAnnouncement(
        `Stap “${descriptor.displayName}” (${activity.id}) toegevoegd${anchorActivity ? ` rechts van “${anchorName}”` : ''}${how} en geselecteerd.${joined.kind === 'none' ? ' Nog niet verbonden: verbind hem in het paneel Eigenschappen, onder Verbinden.' : ''}`,
      );
    },
    [commit, descriptors, flow, sizes],
  );

  const selectOnly = useCallback(
    (nodeIds: string[], edgeIds: string[] = []) => {
      const n = new Set(nodeIds);
      const e = new Set(edgeIds);
      setNodes((ns) => ns.map((x) => ((x.selected ?? false) === n.has(x.id) ? x : { ...x, selected: n.has(x.id) })));
      setEdges((es) => es.map((x) => ((x.selected ?? false) === e.has(x.id) ? x : { ...x, selected: e.has(x.id) })));
    },
    [],
  );

  /** The zoom at which a step's title is drawn at least 12 px high (measured from the page's own CSS). */
  const minReadableZoom = useCallback(() => {
    const title = document.querySelector('.ontwerper-node__title');
    const px = title ? parseFloat(getComputedStyle(title).fontSize) : 14.4;
    return readableZoom(Number.isFinite(px) ? px : 14.4);
  }, []);

  /** Selects a step and centres it at a readable zoom; with `input`, then puts the focus in that field. */
  const gotoNode = useCallback(
    (id: string | null, input?: string) => {
      selectOnly(id ? [id] : []);
      if (!id) return;
      const node = flow.getNode(id);
      if (node) {
        const w = node.measured?.width ?? DEFAULT_NODE_SIZE.width;
        const h = node.measured?.height ?? DEFAULT_NODE_SIZE.height;
        void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.max(flow.getZoom(), minReadableZoom()), duration: 300 });
      }
      // Only from an error that names a field: the property panel renders the step's fields after the selection,
      // then the focus goes to the field. ("Stap kiezen" keeps the focus where it is, for the keyboard.)
      if (!input) return;
      setTimeout(() => {
        const panel = document.querySelector(`[data-testid="eigenschappen-${CSS.escape(id)}"]`);
        const field = panel?.querySelector(`[data-testid="invoer-${CSS.escape(input)}"]`);
        const target = field?.querySelector<HTMLElement>('input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)');
        if (target) {
          target.focus();
          target.scrollIntoView({ block: 'nearest' });
        }
      }, 60);
    },
    [flow, minReadableZoom, selectOnly],
  );

  const gotoRouteData = useCallback((kind: DataKind, name: string) => setDataFocus({ kind, name, nonce: Date.now() }), []);

  /** The whole route in view (smaller text allowed). */
  const fitAll = useCallback(() => {
    opened.current = true;
    void flow.fitView({ padding: 0.08, maxZoom: 1, minZoom: 0.1, duration: 300 });
  }, [flow]);

  // The opening view: readable text, the route's start in view (once the steps are measured).
  useEffect(() => {
    if (opened.current || !nodesInitialized || nodes.length === 0) return;
    const pane = document.querySelector('.ontwerper-canvas')?.getBoundingClientRect();
    if (!pane || pane.width === 0) return;
    opened.current = true;
    const rects = flow.getNodes().map((n) => ({
      id: n.id,
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
    }));
    const startId = definitionRef.current?.root.activities.find((a) => descriptorsRef.current.get(a.type)?.isStart)?.id;
    void flow
      .setViewport(openingViewport(rects, rects.find((r) => r.id === startId), { width: pane.width, height: pane.height }, minReadableZoom()))
      .then(() => setOpenedView(true));
  }, [nodesInitialized, nodes.length, flow, minReadableZoom]);

  // The canvas fills the window below the toolbar, so it is in view without scrolling the page.
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const place = () => main.style.setProperty('--ontwerper-top', `${Math.round(main.getBoundingClientRect().top + window.scrollY)}px`);
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [load.kind, notice, saveStatus.kind, errors.all.length]);

  const gotoEdge = useCallback(
    (id: string) => {
      const edge = edgesRef.current.find((e) => e.id === id);
      selectOnly([], [id]);
      if (edge) void flow.fitView({ nodes: [{ id: edge.source }, { id: edge.target }], duration: 300, maxZoom: 1.2 });
    },
    [flow, selectOnly],
  );

  const deleteSelected = useCallback(() => {
    const nodeIds = nodesRef.current.filter((n) => n.selected).map((n) => n.id);
    const edgeIds = edgesRef.current.filter((e) => e.selected).map((e) => e.id);
    if (nodeIds.length + edgeIds.length === 0) return;
    commit((d) => removeElements(d, nodeIds, edgeIds));
    setAnnouncement(`${nodeIds.length} stap(pen) en ${edgeIds.length} verbinding(en) verwijderd.`);
  }, [commit]);

  const copy = useCallback((): boolean => {
    const def = definitionRef.current;
    if (!def) return false;
    const copied = copySelection(def, nodesRef.current.filter((n) => n.selected).map((n) => n.id));
    if (!copied) return false;
    clipboard.current = copied;
    pasteCount.current = 0;
    setAnnouncement(`${copied.activities.length} stap(pen) gekopieerd.`);
    return true;
  }, []);

  const pasteClipboard = useCallback((): boolean => {
    const copied = clipboard.current;
    const def = definitionRef.current;
    if (!copied || !def) return false;
    pasteCount.current += 1;
    const result = paste(def, copied, { x: 40 * pasteCount.current, y: 40 * pasteCount.current });
    pendingSelection.current = new Set(result.ids);
    commit(() => result.definition);
    setAnnouncement(`${result.ids.length} stap(pen) geplakt: ${result.ids.join(', ')}.`);
    return true;
  }, [commit]);

  const autoLayout = useCallback(() => {
    commit((d) => moveActivities(d, layoutPositions(d, sizes())));
    setTimeout(() => void flow.fitView({ duration: 300 }), 50);
  }, [commit, flow, sizes]);

  // Keyboard: Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Ctrl+C, Ctrl+V (Delete is React Flow's own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        doUndo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        doRedo();
      } else if (key === 'c' && !e.shiftKey) {
        if (window.getSelection()?.toString()) return; // copying text from the page
        if (copy()) e.preventDefault();
      } else if (key === 'v' && !e.shiftKey) {
        if (pasteClipboard()) e.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo, copy, pasteClipboard]);

  // --- React Flow events --------------------------------------------------------------------------------------

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      const moved = new Map<string, { x: number; y: number }>();
      for (const c of changes) if (c.type === 'position' && c.position && !c.dragging) moved.set(c.id, c.position);
      // Removal goes through the document (onDelete), so it can be undone.
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
      if (moved.size > 0) commit((d) => moveActivities(d, moved), `move:${[...moved.keys()].sort().join(',')}`);
    },
    [commit],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<RouteFlowEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), es));
  }, []);

  const onDelete: OnDelete<ActivityFlowNode, RouteFlowEdge> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      commit((d) =>
        removeElements(
          d,
          gone.map((n) => n.id),
          goneEdges.map((e) => e.id),
        ),
      );
    },
    [commit],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (!c.sourceHandle) return;
      commit((d) => connect(d, c.source, c.sourceHandle!, c.target));
    },
    [commit],
  );

  const isValidConnection = useCallback(
    (c: FlowConnection | RouteFlowEdge) => {
      const def = definitionRef.current;
      return !!def && !!c.sourceHandle && (c.targetHandle ?? TARGET_PORT) === TARGET_PORT && !hasConnection(def, c.source, c.sourceHandle, c.target);
    },
    [],
  );

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const type = e.dataTransfer.getData(DRAG_TYPE);
    if (!type) return;
    e.preventDefault();
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addStep(type, { x: at.x - DEFAULT_NODE_SIZE.width / 2, y: at.y - 30 });
  };

  // --- saving -----------------------------------------------------------------------------------------------

  /** Saves the document now when it differs from what the server has; true when the server has it afterwards. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const def = definitionRef.current;
    if (!def) return false;
    const body = serialize(def);
    if (body === savedTextRef.current) return true;
    setSaveStatus({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const draft = await api.saveDraft(definitionId, revision.current, def);
        revision.current = draft.revision;
        savedTextRef.current = body;
        setSavedText(body);
        // The errors are about the definition sent: map them with it, to the ids of its steps and connections.
        setErrors(mapErrors(draft.errors ?? [], def));
        setSaveStatus({ kind: 'saved', at: draft.savedAt ?? new Date().toISOString(), by: draft.savedBy });
        return true;
      } catch (e) {
        if (e instanceof ProblemError && e.status === 409) {
          setSaveStatus({ kind: 'conflict', message: 'iemand anders heeft het concept intussen opgeslagen.' });
        } else {
          if (e instanceof ProblemError && e.errors.length > 0) setErrors(mapErrors(e.errors, def));
          setSaveStatus({ kind: 'failed', message: describeProblem(e) });
        }
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [definitionId]);

  const conflict = saveStatus.kind === 'conflict';
  useEffect(() => {
    if (!dirty || conflict || load.kind !== 'ready') return;
    const timer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, conflict, load.kind, saveNow]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (definitionRef.current && serialize(definitionRef.current) !== savedTextRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  useEffect(() => {
    window.__ontwerper = {
      exportJson: () => (definitionRef.current ? serialize(definitionRef.current) : ''),
      isSaved: () => !!definitionRef.current && serialize(definitionRef.current) === savedTextRef.current && !inFlight.current,
    };
    return () => {
      delete window.__ontwerper;
    };
  }, []);

  const reloadTheirs = async () => {
    try {
      adoptDraft(await api.getDraft(definitionId), 'reset');
      setNotice({ kind: 'info', text: 'Het concept van de server is geladen; uw wijzigingen zijn vervallen.' });
    } catch (e) {
      setNotice({ kind: 'error', text: describeProblem(e) });
    }
  };

  const saveMineAnyway = async () => {
    try {
      const theirs = await api.getDraft(definitionId);
      revision.current = theirs.revision;
      savedTextRef.current = '';
      setSavedText('');
      setSaveStatus({ kind: 'idle' });
      await saveNow();
    } catch (e) {
      setNotice({ kind: 'error', text: describeProblem(e) });
    }
  };

  // --- publishing, versions, import and export, test run -------------------------------------------------

  const publish = async () => {
    setPublishing(true);
    setNotice(null);
    try {
      if (!(await saveNow())) {
        setNotice({ kind: 'error', text: 'Publiceren kan pas als het concept is opgeslagen.' });
        return;
      }
      const sent = definitionRef.current!;
      try {
        const { version, changed } = await api.publish(definitionId);
        // Publishing removed the draft on the server: the next edit starts a new draft (revision 0) on this version.
        revision.current = 0;
        setSaveStatus({ kind: 'idle' });
        setNotice({
          kind: 'info',
          text: changed
            ? `Versie ${version} is gepubliceerd. Nieuwe voorstellen volgen deze versie.`
            : `Het concept is gelijk aan versie ${version}; er is geen nieuwe versie gemaakt.`,
        });
        setVersionsKey((k) => k + 1);
      } catch (e) {
        if (e instanceof ProblemError && e.errors.length > 0) setErrors(mapErrors(e.errors, sent));
        setNotice({
          kind: 'error',
          text: `Niet gepubliceerd: ${describeProblem(e)}`,
          errors: e instanceof ProblemError ? e.errors.map((x) => plainMessage(x.message)) : [],
        });
      }
    } finally {
      setPublishing(false);
    }
  };

  const revert = useCallback(
    async (version: number) => {
      await saveNow();
      const draft = await api.revert(definitionId, version);
      adoptDraft(draft, 'push');
      setNotice({ kind: 'info', text: `Versie ${version} staat nu als concept klaar. Publiceer het om er een nieuwe versie van te maken.` });
      setVersionsKey((k) => k + 1);
    },
    [adoptDraft, definitionId, saveNow],
  );

  const discardDraft = async () => {
    if (!window.confirm('Het concept verwijderen? De wijzigingen sinds de laatste versie gaan verloren.')) return;
    try {
      await api.deleteDraft(definitionId);
      adoptDraft(await api.getDraft(definitionId), 'reset');
      setNotice({ kind: 'info', text: 'Het concept is verwijderd; u ziet weer de laatste versie.' });
    } catch (e) {
      setNotice({ kind: 'error', text: describeProblem(e) });
    }
  };

  const exportJson = () => {
    if (definitionRef.current) download(`${definitionRef.current.definitionId || definitionId}.json`, serialize(definitionRef.current));
  };

  const onImportFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const content = await file.text();
    // Only to name the route in a refusal. A file that is no JSON goes to the server all the same: it refuses it
    // with a Dutch reason and the line and position, where the browser's own message is English and vaguer.
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      parsed = undefined;
    }
    try {
      await saveNow();
      const draft = await api.importDefinition(content);
      if (draft.definitionId === definitionId) {
        adoptDraft(draft, 'push');
        setNotice({ kind: 'info', text: `“${file.name}” is geïmporteerd als concept.` });
      } else {
        setNotice({
          kind: 'info',
          text: `“${file.name}” is geïmporteerd als concept van de route “${draft.definitionId}”.`,
          link: { href: `/Ontwerper/${encodeURIComponent(draft.definitionId)}`, text: `Open ${draft.definitionId} in de ontwerper` },
        });
      }
    } catch (x) {
      const id = typeof parsed === 'object' && parsed && 'definitionId' in parsed ? String((parsed as { definitionId: unknown }).definitionId) : '';
      const reason = describeProblem(x);
      // The server's refusal (400) says itself that nothing was stored.
      const nothingStored = x instanceof ProblemError && x.status === 400 ? '' : ' Er is niets opgeslagen.';
      setNotice({
        kind: 'error',
        text: `“${file.name}” is niet geïmporteerd${id ? ` (route ${id})` : ''}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}${nothingStored}`,
        errors: x instanceof ProblemError ? importErrors(x, parsed, descriptorsRef.current) : [],
      });
    }
  };

  const runTest = useCallback(
    async (start: string, input: Record<string, unknown>, outcomes: Record<string, string>): Promise<TestRunResult> => {
      if (!(await saveNow())) throw new Error('Het concept kon niet worden opgeslagen; de testrun gebruikt het opgeslagen concept.');
      const result = await api.testRun(definitionId, start, input, outcomes);
      const def = definitionRef.current!;
      const order = new Map<string, number>();
      result.path.forEach((id, i) => {
        if (!order.has(id)) order.set(id, i + 1);
      });
      const ports = new Map(result.steps.filter((s) => s.port).map((s) => [s.activityId, s.port!]));
      setHighlight({ order, edges: pathEdges(def, result.path, ports) });
      setAnnouncement(`Testrun klaar: ${result.path.length} stappen gemarkeerd op het canvas.`);
      return result;
    },
    [definitionId, saveNow],
  );

  const context = useMemo(() => ({ descriptors, errors, highlight }), [descriptors, errors, highlight]);

  // --- rendering --------------------------------------------------------------------------------------------

  if (load.kind === 'loading') return <p role="status">De ontwerper wordt geladen…</p>;
  if (load.kind === 'failed')
    return (
      <div className="error-summary" role="alert">
        <h2>De ontwerper kon niet laden</h2>
        <p>{load.message}</p>
      </div>
    );
  if (load.kind === 'missing')
    return (
      <div className="notice">
        <p>
          Er is geen route <code>{definitionId}</code>. U kunt een nieuwe route beginnen; het concept wordt opgeslagen zodra u iets
          wijzigt.
        </p>
        <button type="button" className="button button--primary" onClick={startNew}>
          Nieuwe route beginnen
        </button>
      </div>
    );
  if (!definition || !history) return null;

  const statusText =
    saveStatus.kind === 'saving'
      ? 'Concept wordt opgeslagen…'
      : saveStatus.kind === 'failed'
        ? `Opslaan mislukt: ${saveStatus.message}`
        : saveStatus.kind === 'conflict'
          ? `Opslaan mislukt: ${saveStatus.message}`
          : dirty
            ? 'Niet opgeslagen wijzigingen…'
            : saveStatus.kind === 'saved'
              ? `Concept opgeslagen ${formatWhen(saveStatus.at)}${saveStatus.by ? ` door ${saveStatus.by}` : ''}`
              : 'Geen wijzigingen sinds de laatste versie';
  const hasErrors = errors.all.length > 0;

  return (
    <EditorContext.Provider value={context}>
      <div className="ontwerper">
        <div className="ontwerper-toolbar" role="toolbar" aria-label="Ontwerper" data-testid="werkbalk">
          <button type="button" className="button button--small" onClick={doUndo} disabled={!canUndo(history)} aria-keyshortcuts="Control+Z" data-testid="ongedaan-maken">
            Ongedaan maken
          </button>
          <button type="button" className="button button--small" onClick={doRedo} disabled={!canRedo(history)} aria-keyshortcuts="Control+Y Control+Shift+Z" data-testid="opnieuw">
            Opnieuw
          </button>
          <button type="button" className="button button--small" onClick={copy} disabled={selectedIds.length === 0} aria-keyshortcuts="Control+C">
            Kopiëren
          </button>
          <button type="button" className="button button--small" onClick={pasteClipboard} aria-keyshortcuts="Control+V">
            Plakken
          </button>
          <button type="button" className="button button--small" onClick={deleteSelected} aria-keyshortcuts="Delete">
            Verwijderen
          </button>
          <button type="button" className="button button--small" onClick={autoLayout} data-testid="automatisch-schikken">
            Automatisch schikken
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              const heading = document.getElementById('ontwerper-gegevens-kop');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus();
            }}
            data-testid="naar-gegevens"
          >
            Gegevens van de route
          </button>
          <span className="ontwerper-toolbar__gap" />
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="JSON-bestand om te importeren"
            onChange={(e) => void onImportFile(e)}
            data-testid="importeren-bestand"
          />
          {/* Seldom needed: out of the way, so the canvas gets the room. A choice closes the menu. */}
          <details className="ontwerper-more" data-testid="meer-menu">
            <summary className="button button--small" data-testid="meer">
              Meer
            </summary>
            <div className="ontwerper-more__items" onClick={(e) => ((e.currentTarget.parentElement as HTMLDetailsElement).open = false)}>
              <button type="button" className="button button--small" onClick={exportJson} data-testid="exporteren">
                Exporteren (JSON)
              </button>
              <button type="button" className="button button--small" onClick={() => fileInput.current?.click()} data-testid="importeren">
                Importeren (JSON)
              </button>
              <button type="button" className="button button--small" onClick={() => setMigrationOpen(true)} data-testid="verplaatsen">
                Lopende voorstellen verplaatsen
              </button>
              <button type="button" className="button button--small" onClick={() => void discardDraft()}>
                Concept verwijderen
              </button>
            </div>
          </details>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void publish()}
            disabled={hasErrors || conflict || publishing}
            aria-describedby={hasErrors ? 'ontwerper-publiceren-uitleg' : undefined}
            data-testid="publiceren"
          >
            {publishing ? 'Publiceren…' : 'Publiceren'}
          </button>
        </div>
        <div className="ontwerper-statusbar">
          <p
            className={`ontwerper-status${saveStatus.kind === 'failed' || conflict ? ' ontwerper-status--error' : ''}`}
            role="status"
            data-testid="opslagstatus"
            data-state={dirty ? 'dirty' : saveStatus.kind}
          >
            {statusText}
          </p>
          {conflict && (
            <p className="ontwerper-status__actions">
              <button type="button" className="button button--small" onClick={() => void reloadTheirs()}>
                Hun versie laden (mijn wijzigingen vervallen)
              </button>{' '}
              <button type="button" className="button button--small" onClick={() => void saveMineAnyway()}>
                Mijn versie toch opslaan
              </button>
            </p>
          )}
          {saveStatus.kind === 'failed' && (
            <button type="button" className="button button--small" onClick={() => void saveNow()}>
              Opnieuw proberen
            </button>
          )}
          {hasErrors && (
            <p id="ontwerper-publiceren-uitleg" className="ontwerper-hint">
              Publiceren kan pas als de {errors.all.length === 1 ? 'fout is' : `${errors.all.length} fouten zijn`} opgelost (zie Fouten in het
              concept).
            </p>
          )}
        </div>
        {notice && (
          <div className={notice.kind === 'error' ? 'error-summary' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="melding">
            <p>
              {notice.text} {notice.link && <a href={notice.link.href}>{notice.link.text}</a>}
            </p>
            {notice.errors && notice.errors.length > 0 && (
              <ul>
                {notice.errors.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
            <button type="button" className="ontwerper-link-button" onClick={() => setNotice(null)}>
              Melding sluiten
            </button>
          </div>
        )}
        <p className="visually-hidden" aria-live="polite" data-testid="aankondiging">
          {announcement}
        </p>

        <div className="ontwerper-main" ref={mainRef}>
          <Palette descriptors={descriptorList} onAdd={addStep} />
          <div className="ontwerper-canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas" data-geopend={openedView ? 'ja' : 'nee'}>
            <ReactFlow<ActivityFlowNode, RouteFlowEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onDelete={onDelete}
              isValidConnection={isValidConnection}
              deleteKeyCode={['Delete', 'Backspace']}
              multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
              selectionKeyCode="Shift"
              minZoom={0.1}
              ariaLabelConfig={ariaLabels}
              aria-label="Canvas met de stappen van de route"
            >
              <Background gap={20} />
              <Panel position="top-left">
                <button type="button" className="button button--small ontwerper-fit" onClick={fitAll} data-testid="alles-in-beeld">
                  Alles in beeld
                </button>
              </Panel>
              <Controls showInteractive={false} showFitView={false} />
              <MiniMap pannable zoomable ariaLabel="Overzichtskaart" nodeStrokeWidth={3} style={{ width: 160, height: 100 }} />
            </ReactFlow>
          </div>
          <PropertyPanel
            definition={definition}
            selectedIds={selectedIds}
            descriptors={descriptors}
            bodies={bodies}
            errors={errors}
            commit={commit}
            onSelect={gotoNode}
            onDeleteSelected={deleteSelected}
            notice={stepNotice && selectedIds.length === 1 && selectedIds[0] === stepNotice.id ? stepNotice.text : undefined}
          />
        </div>

        <ErrorList
          errors={errors}
          definition={definition}
          descriptors={descriptors}
          onGotoNode={gotoNode}
          onGotoEdge={gotoEdge}
          onGotoRouteData={gotoRouteData}
        />
        <RouteDataPanel definition={definition} commit={commit} errors={errors.all} focus={dataFocus} onAnnounce={setAnnouncement} />
        <TestRunPanel
          definition={definition}
          descriptors={descriptors}
          onRun={runTest}
          onClear={() => setHighlight(null)}
          hasHighlight={highlight !== null}
          onGotoNode={gotoNode}
        />
        <VersionsPanel
          definitionId={definitionId}
          refreshKey={versionsKey}
          onRevert={revert}
          onVersions={setVersions}
          portName={(activityId, port) => {
            const a = definition ? findActivity(definition, activityId) : undefined;
            return portLabelOf(a, a ? descriptors.get(a.type) : undefined, port);
          }}
          stepName={(activityId) => {
            const a = definition ? findActivity(definition, activityId) : undefined;
            return a?.displayName?.trim() || (a ? descriptors.get(a.type)?.displayName : undefined) || activityId;
          }}
        />
        <MigrationDialog definitionId={definitionId} versions={versions} open={migrationOpen} onClose={() => setMigrationOpen(false)} />
      </div>
    </EditorContext.Provider>
  );
}
