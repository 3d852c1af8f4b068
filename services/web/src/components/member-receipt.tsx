// The receipt after casting: the short tracker code, the ballot hash and its place in the log, and where to
// check it. It proves the ballot is in the log, not how it voted (the choices are encrypted).
import { Link } from '../router.js';
import type { Receipt } from './member-storage.js';

export function ReceiptCard(props: { election: string; receipt: Receipt }) {
  const { election, receipt } = props;
  const checkHref = `/check/${election}#${receipt.hash}`;
  return (
    <section class="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">Your receipt</h2>
      <dl>
        <dt>Tracker code</dt>
        <dd class="mono tracker">{receipt.tracker}</dd>
        <dt>Ballot hash</dt>
        <dd class="mono">{receipt.hash}</dd>
        <dt>Entry in the public log</dt>
        <dd>{receipt.logIndex}</dd>
      </dl>
      <p>
        Keep this receipt (save the page, take a screenshot or copy the hash). It shows that your ballot is in
        the public log, not how you voted. Anyone with it can{' '}
        <Link href={checkHref}>
          check that your ballot is in the log and, after the count, that it was counted
        </Link>
        .
      </p>
    </section>
  );
}
