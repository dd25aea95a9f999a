import { MAX_TEXT_PARAM } from './bounds';
import type { ParamSpec, ParamValue, Params } from './node-type';

/** A param problem: which param and what is wrong with it, in a full sentence. */
export interface ParamIssue {
  field: string;
  message: string;
  unknown?: boolean;
}

/**
 * Checks one value against its spec. Returns the message of the first problem, or undefined
 * when the value is acceptable.
 */
export function checkParam(name: string, spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `Param "${name}" must be a finite number; found ${describe(value)}.`;
      }
      if (spec.kind === 'integer' && !Number.isInteger(value)) {
        return `Param "${name}" must be a whole number; found ${value}.`;
      }
      // Past 2^53 whole numbers are no longer exact, and no count or index gets that large.
      if (spec.kind === 'integer' && !Number.isSafeInteger(value)) {
        return `Param "${name}" must be a whole number below 2^53 in size; found ${value}.`;
      }
      if (spec.min !== undefined && value < spec.min) {
        return `Param "${name}" must be at least ${spec.min}; found ${value}.`;
      }
      if (spec.max !== undefined && value > spec.max) {
        return `Param "${name}" must be at most ${spec.max}; found ${value}.`;
      }
      return undefined;
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.options.includes(value)) {
        const choices = spec.options.map((o) => `"${o}"`).join(', ');
        return `Param "${name}" must be one of ${choices}; found ${describe(value)}.`;
      }
      return undefined;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `Param "${name}" must be true or false; found ${describe(value)}.`;
    case 'text':
    case 'file':
      if (typeof value !== 'string')
        return `Param "${name}" must be text; found ${describe(value)}.`;
      return value.length <= MAX_TEXT_PARAM
        ? undefined
        : `Param "${name}" must be text of at most ${MAX_TEXT_PARAM} characters; ` +
            `found ${value.length}.`;
  }
}

/**
 * Resolves a node's params against its specs: missing params take their defaults, bad values
 * are replaced by the default and reported, unknown params are dropped and reported.
 */
export function resolveParams(
  specs: Record<string, ParamSpec>,
  raw: Record<string, unknown>
): { params: Params; issues: ParamIssue[] } {
  const params: Params = {};
  const issues: ParamIssue[] = [];

  for (const [name, spec] of Object.entries(specs)) {
    const has = Object.prototype.hasOwnProperty.call(raw, name);
    const message = has ? checkParam(name, spec, raw[name]) : undefined;
    if (message)
      issues.push({
        field: name,
        message: `${message} Using ${JSON.stringify(spec.default)} instead.`
      });
    params[name] = has && !message ? (raw[name] as ParamValue) : spec.default;
  }

  for (const name of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(specs, name)) {
      issues.push({
        field: name,
        unknown: true,
        message: `Param "${name}" is not known to this node type and was dropped.`
      });
    }
  }
  return { params, issues };
}

/**
 * Parses text typed by a person (a `--set` value, a form field) into the spec's kind.
 * Returns the value, or a message saying what was expected.
 */
export function parseParamText(
  name: string,
  spec: ParamSpec,
  text: string
): { value: ParamValue } | { error: string } {
  let value: unknown = text;
  if (spec.kind === 'number' || spec.kind === 'integer') {
    const number = Number(text);
    value = text.trim() === '' || Number.isNaN(number) ? text : number;
  } else if (spec.kind === 'boolean') {
    value = text === 'true' ? true : text === 'false' ? false : text;
  }
  const message = checkParam(name, spec, value);
  return message ? { error: message } : { value: value as ParamValue };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
