import type { ReactNode } from 'react';

/** A friendly "nothing here yet" block with an optional call to action. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
