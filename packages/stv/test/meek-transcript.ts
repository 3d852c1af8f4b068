// Reads Droop / stv-rs Meek transcripts ("Action: ..." blocks with "\tHopeful:  Name (votes)" lines) into rounds.

export interface TranscriptState {
  readonly action: string;
  /** Candidate name -> vote as printed. */
  readonly votes: ReadonlyMap<string, string>;
  readonly status: ReadonlyMap<string, 'Elected' | 'Hopeful' | 'Defeated' | 'Withdrawn'>;
  readonly quota?: string;
  readonly residual?: string;
}

export interface Transcript {
  readonly begin: TranscriptState;
  /** Per round: every action with candidate lines, in order. */
  readonly rounds: {
    readonly actions: TranscriptState[];
    readonly ties: { between: string[]; chosen: string }[];
  }[];
  /** "Elect remaining" / "Defeat remaining" actions after the last round. */
  readonly remaining: TranscriptState[];
  readonly complete: TranscriptState;
}

export function parseTranscript(text: string): Transcript {
  const lines = text.replace(/\r/g, '').split('\n');
  const rounds: Transcript['rounds'][number][] = [];
  let begin: TranscriptState | undefined;
  let complete: TranscriptState | undefined;
  const remaining: TranscriptState[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^Round \d+:/.test(line)) rounds.push({ actions: [], ties: [] });
    const tie = /^Action: Break tie \([^)]*\): \[(.*)\] -> (.*)$/.exec(line);
    if (tie) {
      rounds[rounds.length - 1]?.ties.push({ between: (tie[1] ?? '').split(', '), chosen: tie[2] ?? '' });
      continue;
    }
    const action = /^Action: (.*)$/.exec(line);
    if (!action) continue;
    const votes = new Map<string, string>();
    const status = new Map<string, 'Elected' | 'Hopeful' | 'Defeated' | 'Withdrawn'>();
    let quota: string | undefined;
    let residual: string | undefined;
    for (let j = i + 1; j < lines.length && (lines[j] as string).startsWith('\t'); j++) {
      const l = lines[j] as string;
      const cand = /^\t(Elected|Hopeful|Defeated|Withdrawn):\s+(.*) \((-?[\d.]+)\)$/.exec(l);
      if (cand) {
        for (const name of (cand[2] ?? '').split(', ')) {
          votes.set(name, cand[3] ?? '');
          status.set(name, cand[1] as 'Elected');
        }
      }
      quota = /^\tQuota: (.*)$/.exec(l)?.[1] ?? quota;
      residual = /^\tResidual: (.*)$/.exec(l)?.[1] ?? residual;
    }
    const state: TranscriptState = {
      action: action[1] ?? '',
      votes,
      status,
      ...(quota === undefined ? {} : { quota }),
      ...(residual === undefined ? {} : { residual }),
    };
    if (state.action === 'Begin Count') begin = state;
    else if (state.action === 'Count Complete') complete = state;
    else if (/^(Elect|Defeat) remaining/.test(state.action)) remaining.push(state);
    else if (votes.size > 0) rounds[rounds.length - 1]?.actions.push(state);
  }
  if (!begin || !complete) throw new Error('not a Meek transcript');
  return { begin, rounds, remaining, complete };
}
