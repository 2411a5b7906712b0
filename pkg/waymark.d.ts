/* tslint:disable */
/* eslint-disable */

/**
 * A compiled ruleset, with an optional local profile.
 *
 * Every method throws an `Error` with `path`, `code` and `problems` for bad input. A
 * `WebAssembly.RuntimeError` instead means a bug stopped this instance: load the module again
 * (see `www/js/engine-guard.mjs`).
 */
export class Engine {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The guidance for one case, as a plain object. `assess(case, { trace: false })` leaves
     * out the trace of every rule, for fast updates as answers change.
     */
    assess(_case: any, options: any): any;
    /**
     * Checks a scenario (a case review told time point by time point) and runs it against
     * this engine: throws an `Error` with the path of every problem in the file, or returns
     * the report `{id, title, timePoints: [{id, title, level, failures}]}` that
     * `waymark scenarios` prints.
     */
    checkScenario(scenario: any): any;
    /**
     * Levels, domains, indicators, context wording, routes and contacts, for building forms.
     */
    describe(): any;
    /**
     * What the page shows after each answer: the assessment with every item named by id, its
     * wording left to `describe()` (read once). See `CompactAssessment`. `guidance(case,
     * { trace: true })` adds the trace of every rule (left out by default).
     */
    guidance(_case: any, options: any): any;
    /**
     * The guidance as it is handed on, worded once for print, "copy as text" and the command
     * line: `{ handOn: {heading, lead, sections, sources, closing, fingerprint}, text }`, with
     * the practitioner's notes (which no rule reads), and `text` with its sources and
     * fingerprint only when `sources` is true.
     */
    handOn(_case: any, lives_with: string, notes: string, sources: boolean): any;
    /**
     * `new Engine(ruleset, profile?)`: throws an `Error` whose `path`, `code` and `problems`
     * say what is wrong and where.
     */
    constructor(ruleset: any, profile: any);
}

export function start(): void;

/**
 * The engine's version.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly engine_assess: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_checkScenario: (a: number, b: any) => [number, number, number];
    readonly engine_describe: (a: number) => [number, number, number];
    readonly engine_guidance: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_handOn: (a: number, b: any, c: number, d: number, e: number, f: number, g: number) => [number, number, number];
    readonly engine_new: (a: any, b: any) => [number, number, number];
    readonly start: () => void;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
