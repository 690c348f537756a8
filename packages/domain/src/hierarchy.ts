import type { HierarchyEdge } from './classifications/scheme.schema.js';
import { schemesById } from './classifications/schemes.js';

/** What the hierarchy helpers need; standard schemes and registered national ones both fit. */
export interface HierarchyShape {
  totalCode: string;
  codes: ReadonlyArray<{ code: string }>;
  edges: readonly HierarchyEdge[];
  overlapping: readonly string[];
}

export type CodeRole = 'total' | 'subtotal' | 'component' | 'overlapping';

/** Standard schemes may be named by id; national ones are passed as records (they live in the database). */
function resolve(scheme: HierarchyShape | string): HierarchyShape {
  if (typeof scheme !== 'string') return scheme;
  const found = schemesById.get(scheme);
  if (!found) throw new RangeError(`Unknown standard scheme ${scheme}; pass a national scheme as a record`);
  return found;
}

export function childrenOf(scheme: HierarchyShape | string, code: string): string[] {
  return resolve(scheme).edges.find((e) => e.parent === code)?.children ?? [];
}

export function codeRole(scheme: HierarchyShape | string, code: string): CodeRole | undefined {
  const s = resolve(scheme);
  if (!s.codes.some((c) => c.code === code)) return undefined;
  if (code === s.totalCode) return 'total';
  if (s.overlapping.includes(code)) return 'overlapping';
  return s.edges.some((e) => e.parent === code) ? 'subtotal' : 'component';
}

/** The codes under `code` that have no children: what a sum check must add up. */
export function leavesUnder(scheme: HierarchyShape | string, code: string): string[] {
  const s = resolve(scheme);
  const children = childrenOf(s, code);
  return children.length === 0 ? [code] : children.flatMap((child) => leavesUnder(s, child));
}

/** The partition of the total: every leaf under it, subtotals and overlapping bands excluded. */
export function additiveComponents(scheme: HierarchyShape | string): string[] {
  const s = resolve(scheme);
  return leavesUnder(s, s.totalCode);
}

/**
 * Why a hierarchy is not a tree rooted at the total that covers every code exactly once
 * (overlapping bands aside). Empty when sound; used by the catalogue test and by the
 * national classification schema.
 */
export function findHierarchyProblems(scheme: HierarchyShape): string[] {
  const problems: string[] = [];
  const known = new Set(scheme.codes.map((c) => c.code));
  const parentOfChild = new Map<string, string>();
  if (!known.has(scheme.totalCode)) problems.push(`total ${scheme.totalCode} is not one of the codes`);
  for (const code of scheme.overlapping) {
    if (!known.has(code)) problems.push(`overlapping ${code} is not one of the codes`);
  }
  for (const edge of scheme.edges) {
    if (!known.has(edge.parent)) problems.push(`parent ${edge.parent} is not one of the codes`);
    for (const child of edge.children) {
      if (!known.has(child)) problems.push(`${edge.parent} has child ${child}, which is not one of the codes`);
      const earlier = parentOfChild.get(child);
      if (earlier !== undefined) problems.push(`${child} has two parents: ${earlier} and ${edge.parent}`);
      parentOfChild.set(child, edge.parent);
    }
  }
  const parents = scheme.edges.map((e) => e.parent);
  for (const parent of new Set(parents.filter((p, i) => parents.indexOf(p) !== i))) {
    problems.push(`${parent} is the parent of more than one edge; list all its children in one`);
  }
  for (const code of known) {
    const chain = [code];
    for (let up = parentOfChild.get(code); up !== undefined; up = parentOfChild.get(up)) {
      if (chain.includes(up)) break;
      chain.push(up);
    }
    const top = chain.at(-1) ?? code;
    const isCyclic = parentOfChild.has(top);
    const isOverlapping = scheme.overlapping.includes(code);
    if (isCyclic) problems.push(`cycle through ${code}`);
    else if (isOverlapping && (parentOfChild.has(code) || scheme.edges.some((e) => e.parent === code))) {
      problems.push(`overlapping ${code} must stay outside the sums`);
    } else if (!isOverlapping && top !== scheme.totalCode) {
      problems.push(`${code} is not reachable from the total ${scheme.totalCode}`);
    }
  }
  return problems;
}
