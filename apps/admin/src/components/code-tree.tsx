export interface TreeCode {
  code: string;
  local_code: string;
  labels: Record<string, string>;
}

export interface TreeEdge {
  parent_code: string;
  child_code: string;
  role: 'component' | 'subtotal' | 'overlap';
}

const roleNotes: Record<TreeEdge['role'], string | null> = {
  component: null,
  subtotal: 'subtotal',
  overlap: 'overlaps; not part of the sum',
};

interface Props {
  codes: readonly TreeCode[];
  hierarchy: readonly TreeEdge[];
  lang: string;
}

/** A scheme's codes as a nested list: children sum to their parent unless marked otherwise. */
export function CodeTree({ codes, hierarchy, lang }: Props) {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const children = new Map<string, TreeEdge[]>();
  for (const edge of hierarchy) children.set(edge.parent_code, [...(children.get(edge.parent_code) ?? []), edge]);
  const childCodes = new Set(hierarchy.map((e) => e.child_code));
  const roots = codes.filter((c) => !childCodes.has(c.code));

  const label = (code: TreeCode) => code.labels[lang] ?? code.labels.en ?? Object.values(code.labels)[0] ?? '';
  const renderCode = (code: TreeCode, role: TreeEdge['role'] | null, seen: Set<string>) => {
    const kids = seen.has(code.code) ? [] : (children.get(code.code) ?? []);
    const note = role ? roleNotes[role] : null;
    return (
      <li key={code.code}>
        <code>{code.code}</code> <span lang={code.labels[lang] ? lang : 'en'}>{label(code)}</span>
        {note && <span className="tree-note"> ({note})</span>}
        {kids.length > 0 && (
          <ul>
            {kids.map((edge) => {
              const child = byCode.get(edge.child_code);
              return child ? renderCode(child, edge.role, new Set([...seen, code.code])) : null;
            })}
          </ul>
        )}
      </li>
    );
  };

  return <ul className="code-tree">{roots.map((root) => renderCode(root, null, new Set()))}</ul>;
}
