import type { ReactNode } from 'react';
import { DivisionTree } from './DivisionTree';

/** The hierarchy views' frame: the division tree on the left picks the parent. */
export function HierarchyLayout({ name, parent, onSelect, children }: { name: string; parent: string | null; onSelect: (parent: string) => void; children: ReactNode }) {
  return (
    <div className={`view hierarchy ${name}`}>
      <aside className="tree-pane">
        <DivisionTree selected={parent} onSelect={onSelect} />
      </aside>
      <div className="hierarchy-main">{children}</div>
    </div>
  );
}
