import type { Org } from '../api/types';

export interface OrgNode extends Org {
  children?: OrgNode[];
}

/** Nests the flat org list by parentId; orgs whose parent is outside the caller's scope become roots. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(orgs.map((o) => [o.id, { ...o }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

export interface OrgTreeOption {
  value: string;
  title: string;
  children?: OrgTreeOption[];
}

export function orgTreeOptions(nodes: OrgNode[]): OrgTreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, ...(n.children ? { children: orgTreeOptions(n.children) } : {}) }));
}
