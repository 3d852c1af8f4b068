// A wide table in a region that scrolls sideways on a narrow screen, and can be scrolled from the keyboard
// (focusable, named) as WCAG 2.1.1 asks.
import type { ComponentChildren } from 'preact';

export function TableRegion(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={`${props.label} (scrolls sideways)`}>
      {props.children}
    </div>
  );
}
