// Reads Droop's text reports (droop-reference/report/*, glasgow-2007/*.droop-report.txt): the candidate totals
// after the first count and after every transfer, plus the non-transferable and residual (rounding) rows.
export interface DroopSnapshot {
  readonly action: string;
  /** Candidate name (runs of spaces collapsed, as Droop prints them) → total. */
  readonly votes: Record<string, string>;
  readonly nonTransferable: string;
  readonly residual: string;
}

export interface DroopReport {
  readonly quota: string;
  readonly snapshots: DroopSnapshot[];
  /** Names in order of the "Elect..." actions. */
  readonly elected: string[];
}

const SNAPSHOT = /^Action: (Begin Count|Surplus transferred|Transfer defeated)/;

export function parseDroopReport(text: string): DroopReport {
  const lines = text.split(/\r?\n/);
  const quota = /Quota: ([\d.]+)/.exec(text)?.[1] ?? '';
  const snapshots: DroopSnapshot[] = [];
  const elected: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const electMatch = /^Action: (?:Elect[^:]*|Elect remaining[^:]*): (.+)$/.exec(line);
    if (electMatch && !line.includes('Elected votes')) {
      for (const name of (electMatch[1] as string).split(', '))
        if (!elected.includes(name)) elected.push(name);
    }
    if (!SNAPSHOT.test(line)) continue;
    const votes: Record<string, string> = {};
    let nonTransferable = '';
    let residual = '';
    for (let j = i + 1; j < lines.length && (lines[j] as string).startsWith('\t'); j++) {
      const row = lines[j] as string;
      const cand = /^\t(Elected|Hopeful|Pending|Defeated|Withdrawn):\s+(.+) \(([-\d.]+)\)$/.exec(row);
      if (cand) {
        for (const name of (cand[2] as string).split(', '))
          votes[name.trim().replace(/ +/g, ' ')] = cand[3] as string;
      }
      nonTransferable = /^\tNontransferable votes: ([-\d.]+)/.exec(row)?.[1] ?? nonTransferable;
      residual = /^\tResidual: ([-\d.]+)/.exec(row)?.[1] ?? residual;
    }
    snapshots.push({ action: line, votes, nonTransferable, residual });
  }
  return { quota, snapshots, elected };
}

/** Our stages and Droop's snapshots as comparable rows: each standing candidate's total, non-transferable, residual. */
export function droopRows(
  report: {
    candidates: readonly { id: number; name: string }[];
    stages: readonly { votes: readonly string[]; nonTransferable: string; roundingLoss: string }[];
  },
  droop: DroopReport,
  options: { withdrawn: readonly number[]; zero: string; skip?: (s: DroopSnapshot) => boolean },
): { ours: unknown[]; theirs: unknown[] } {
  const squash = (s: string): string => s.trim().replace(/ +/g, ' ');
  const standing = report.candidates.filter((c) => !options.withdrawn.includes(c.id));
  const ours = report.stages.map((s) => ({
    votes: Object.fromEntries(standing.map((c) => [squash(c.name), s.votes[c.id]])),
    nonTransferable: s.nonTransferable,
    residual: s.roundingLoss,
  }));
  // Droop lists only candidates still in the count; excluded candidates hold 0.
  const theirs = droop.snapshots
    .filter((s) => !options.skip?.(s))
    .map((s) => ({
      votes: Object.fromEntries(
        standing.map((c) => [squash(c.name), s.votes[squash(c.name)] ?? options.zero]),
      ),
      nonTransferable: s.nonTransferable,
      residual: s.residual,
    }));
  return { ours, theirs };
}
