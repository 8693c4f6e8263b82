import type { ReactNode } from 'react';
import { useTransition } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * A module's tab bar navigates in a transition: the tab shown stays on screen until the next one is ready. On a
 * slow phone that takes a while, and the old tab's buttons would still answer. `switching` says a switch is under
 * way; <TabArea> then dims the old content and lets no click through to it.
 */
export function useTabSwitch(): { switching: boolean; go: (to: string) => void } {
  const navigate = useNavigate();
  const [switching, start] = useTransition();
  return {
    switching,
    go: (to) =>
      start(() => {
        void navigate(to);
      }),
  };
}

/** The content under a module's tab bar; while a tab switch is under way it is dimmed (after a short delay) and inert. */
export function TabArea({ switching, children }: { switching: boolean; children: ReactNode }) {
  return (
    <div className="fz-tab-area" data-switching={switching ? 'true' : 'false'} aria-busy={switching} inert={switching}>
      {children}
    </div>
  );
}
