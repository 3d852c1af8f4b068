// Text to copy (a command, a receipt code) with a button that copies it and says so. Any page can use it.
import { useState } from 'preact/hooks';

export function CopyText(props: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = () =>
    // The Clipboard API is only there on secure origins (https, localhost): otherwise say how to copy by hand.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.text))
      .then(
        () => setStatus('Copied.'),
        () => setStatus('Copying is not allowed here: select the text and copy it yourself.'),
      );
  return (
    <div class="copy-text">
      <code>{props.text}</code>
      <button type="button" class="secondary" onClick={() => void copy()}>
        {props.label}
      </button>
      <span role="status" class="hint">
        {status}
      </span>
    </div>
  );
}
