// What a trustee's and a member's device do, over the typed client: the protocol's client side
// (docs/protocol.md), shared by the web forms, the `openslate demo` command and the tests.
import {
  createBallot,
  createTrustee,
  dealShares,
  finalizeCredential,
  generateBallotKeyPair,
  pureBackend,
  receiveShares,
  requestCredential,
  revealShare,
  fromBase64url,
  signIssuanceRequest,
  toBase64url,
  type BallotKeyPair,
  type CeremonyParameters,
  type ContestChoices,
  type Credential,
  type Dealing,
  type DealingHash,
  type ElectionKeyRecord,
  type IssuerKeyRecord,
  type Result,
  type TrusteeSecret,
  type TrusteeShare,
} from '@openslate/ballot';
import type { OpenslateClient } from './client.js';

/** The value of a successful Result, or the BallotError thrown. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** 32 random bytes from the platform's CSPRNG (Web Crypto, in browsers and Node alike). */
export const randomSeed = (): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(32));

interface CeremonyView {
  readonly parameters: CeremonyParameters | null;
  readonly electionKey: ElectionKeyRecord | null;
  readonly trustees: readonly CeremonyTrusteeView[];
}

/** What a trustee's device must keep between rounds (its secrets included): store it privately. */
export interface TrusteeState {
  readonly electionId: string;
  readonly index: number;
  readonly name: string;
  readonly secretKey?: string;
  readonly dealt?: { readonly dealing: Dealing; readonly hash: DealingHash };
  readonly share?: string;
  readonly confirmed?: boolean;
  readonly revealed?: boolean;
}

/** What a trustee's next step did. */
export type TrusteeStep = 'announced' | 'committed' | 'dealt' | 'confirmed' | 'revealed' | 'waiting' | 'done';

interface CeremonyTrusteeView {
  readonly index: number;
  readonly name: string;
  readonly announcement: unknown;
  readonly dealing: Dealing | null;
  readonly dealingHash: DealingHash | null;
  readonly confirmed: boolean;
  readonly reveal: unknown;
}

/** A trustee: announces a key, commits to and publishes a dealing, checks its shares, and reveals after the close. */
export class TrusteeDevice {
  private secret: TrusteeSecret | null = null;
  private dealt: { dealing: Dealing; hash: DealingHash } | null = null;
  share: TrusteeShare | null = null;
  private confirmed = false;
  private revealed = false;

  constructor(
    private readonly api: OpenslateClient,
    readonly electionId: string,
    readonly index: number,
    readonly name: string,
  ) {}

  /** Signs in with the trustee's code; with a saved state (same trustee), carries on where it stopped. */
  static async signIn(api: OpenslateClient, code: string, state?: TrusteeState): Promise<TrusteeDevice> {
    const res = await api.call<{ token: string; election: string; trustee: { id: string; name: string } }>(
      'trusteeSignIn',
      { body: { code } },
    );
    const ceremony = await api.call<{ trustees: { index: number; name: string }[] }>('getCeremony', {
      params: { election: res.election },
    });
    const me = ceremony.trustees.find((t) => t.name === res.trustee.name);
    if (!me) throw new Error(`trustee ${res.trustee.name} is not in the ceremony`);
    const session = api.withToken(res.token);
    if (!state) return new TrusteeDevice(session, res.election, me.index, me.name);
    if (state.electionId !== res.election || state.index !== me.index)
      throw new Error('the saved state belongs to another trustee or election');
    return TrusteeDevice.restore(session, state);
  }

  /** Everything needed to carry on later (a later round, the reveal after the close). Contains secrets. */
  exportState(): TrusteeState {
    return {
      electionId: this.electionId,
      index: this.index,
      name: this.name,
      ...(this.secret ? { secretKey: this.secret.secretKey.toString(16) } : {}),
      ...(this.dealt ? { dealt: this.dealt } : {}),
      ...(this.share ? { share: this.share.share.toString(16) } : {}),
      confirmed: this.confirmed,
      revealed: this.revealed,
    };
  }

  private static restore(api: OpenslateClient, state: TrusteeState): TrusteeDevice {
    const device = new TrusteeDevice(api, state.electionId, state.index, state.name);
    if (state.secretKey)
      device.secret = {
        electionId: state.electionId,
        index: state.index,
        secretKey: BigInt(`0x${state.secretKey}`),
      };
    device.dealt = state.dealt ?? null;
    if (state.share)
      device.share = { electionId: state.electionId, index: state.index, share: BigInt(`0x${state.share}`) };
    device.confirmed = state.confirmed ?? false;
    device.revealed = state.revealed ?? false;
    return device;
  }

  private ceremony(): Promise<CeremonyView> {
    return this.api.call('getCeremony', { params: { election: this.electionId } });
  }

  async announce(): Promise<void> {
    const { announcement, secret } = createTrustee(this.electionId, this.index, this.name);
    this.secret = secret;
    await this.api.call('announce', { params: { election: this.electionId }, body: { announcement } });
  }

  /** After every trustee has announced. */
  async commit(): Promise<void> {
    const { parameters } = await this.ceremony();
    if (!parameters || !this.secret) throw new Error('not every trustee has announced');
    this.dealt = unwrap(dealShares(parameters, this.secret));
    await this.api.call('commitDealing', {
      params: { election: this.electionId },
      body: { hash: this.dealt.hash },
    });
  }

  /** After every trustee has committed. */
  async deal(): Promise<void> {
    if (!this.dealt) throw new Error('commit first');
    await this.api.call('publishDealing', {
      params: { election: this.electionId },
      body: { dealing: this.dealt.dealing },
    });
  }

  /** After every dealing is published: decrypt and check my shares (a bad dealer is named), then confirm. */
  async confirm(): Promise<void> {
    const view = await this.ceremony();
    if (!view.parameters || !this.secret) throw new Error('the ceremony is not ready');
    const dealings = view.trustees.map((t) => t.dealing!);
    const hashes = view.trustees.map((t) => t.dealingHash!);
    this.share = unwrap(receiveShares(view.parameters, this.secret, dealings, hashes));
    await this.api.call('confirmShare', { params: { election: this.electionId }, body: {} });
    this.confirmed = true;
  }

  /** After the close and the seal. */
  async reveal(): Promise<void> {
    if (!this.share) throw new Error('no share to reveal');
    await this.api.call('revealShare', {
      params: { election: this.electionId },
      body: { reveal: revealShare(this.share) },
    });
    this.revealed = true;
  }

  /**
   * Takes the next step the published ceremony allows (the CLI runs this each time a trustee comes back):
   * announce, commit, deal, confirm, and — with `reveal` once the election is closed — reveal.
   */
  async step(options: { reveal?: boolean } = {}): Promise<TrusteeStep> {
    const view = await this.ceremony();
    const me = view.trustees.find((t) => t.index === this.index);
    if (!me) throw new Error(`trustee ${this.index} is not in the ceremony`);
    if (!me.announcement) return this.announce().then(() => 'announced');
    if (!this.secret)
      throw new Error("this device did not announce this trustee's key: its secret is elsewhere");
    if (!view.parameters) return 'waiting';
    if (!me.dealingHash) return this.commit().then(() => 'committed');
    if (!view.trustees.every((t) => t.dealingHash)) return 'waiting';
    if (!me.dealing) return this.deal().then(() => 'dealt');
    if (!view.electionKey) return 'waiting';
    if (!me.confirmed) return this.confirm().then(() => 'confirmed');
    if (!options.reveal) return 'done';
    if (me.reveal) return 'done';
    const election = await this.api.call<{ state: string }>('getElection', {
      params: { election: this.electionId },
    });
    if (election.state !== 'closed') return 'waiting';
    if (!this.share) await this.recoverShare(view);
    return this.reveal().then(() => 'revealed');
  }

  private async recoverShare(view: CeremonyView): Promise<void> {
    if (!view.parameters || !this.secret) throw new Error('no secret to rebuild the share from');
    this.share = unwrap(
      receiveShares(
        view.parameters,
        this.secret,
        view.trustees.map((t) => t.dealing!),
        view.trustees.map((t) => t.dealingHash!),
      ),
    );
  }
}

/** Runs the whole ceremony for trustees that have signed in, round by round. */
export async function runKeyCeremony(trustees: readonly TrusteeDevice[]): Promise<void> {
  for (const t of trustees) await t.announce();
  for (const t of trustees) await t.commit();
  for (const t of trustees) await t.deal();
  for (const t of trustees) await t.confirm();
}

interface Manifest {
  readonly electionKey: ElectionKeyRecord;
  readonly issuerKeys: { readonly keys: readonly IssuerKeyRecord[] };
}

/**
 * What a member's device must keep to cast later and to revote (docs/protocol.md): the ballot key's seed, the
 * identity key's seed, the credential and the next counter. Secret: it stays on the device and is never sent.
 */
export interface MemberState {
  readonly electionId: string;
  /** base64url (RFC 4648 §5) of the 32-byte ballot key seed. */
  readonly ballotSeed: string;
  /** base64url of the 32-byte identity key seed. */
  readonly identitySeed: string;
  readonly credential: Credential | null;
  readonly counter: number;
}

/**
 * A member's device: signs in with the one-time code, registers an identity key, obtains a blind-signed
 * credential (the server never sees the ballot key), and casts ballots on requests that carry no session.
 * The ballot key's seed must be kept (on the device) to revote.
 */
export class MemberDevice {
  credential: Credential | null = null;
  counter = 0;
  readonly keyPair: BallotKeyPair;
  private readonly ballotSeed: Uint8Array;
  private readonly identitySeed: Uint8Array;
  private manifest: Manifest | null = null;

  constructor(
    private readonly api: OpenslateClient,
    readonly electionId: string,
    seeds: { ballot?: Uint8Array; identity?: Uint8Array } = {},
  ) {
    this.ballotSeed = seeds.ballot ?? randomSeed();
    this.keyPair = unwrap(generateBallotKeyPair(this.ballotSeed));
    this.identitySeed = seeds.identity ?? randomSeed();
  }

  /** Everything needed to cast or revote later, on this device only. Contains secrets: never send it. */
  exportState(): MemberState {
    return {
      electionId: this.electionId,
      ballotSeed: toBase64url(this.ballotSeed),
      identitySeed: toBase64url(this.identitySeed),
      credential: this.credential,
      counter: this.counter,
    };
  }

  /**
   * The device as it was when `state` was exported. `api` needs no session: casting is anonymous; a session is
   * needed only to obtain a credential the state lacks.
   */
  static restore(api: OpenslateClient, state: MemberState): MemberDevice {
    const device = new MemberDevice(api, state.electionId, {
      ballot: seed(state.ballotSeed, 'ballot'),
      identity: seed(state.identitySeed, 'identity'),
    });
    device.credential = state.credential;
    if (!Number.isSafeInteger(state.counter) || state.counter < 0)
      throw new Error(`the saved counter ${String(state.counter)} is not a non-negative integer`);
    device.counter = state.counter;
    return device;
  }

  static async signIn(api: OpenslateClient, code: string): Promise<MemberDevice> {
    const res = await api.call<{ token: string; election: string }>('memberSignIn', { body: { code } });
    return new MemberDevice(api.withToken(res.token), res.election);
  }

  private async getManifest(): Promise<Manifest> {
    this.manifest ??= await this.api.call<Manifest>('getManifest', { params: { election: this.electionId } });
    return this.manifest;
  }

  async obtainCredential(): Promise<Credential> {
    const election = this.electionId;
    await this.api.call('registerIdentity', {
      params: { election },
      body: { identityKey: toBase64url(pureBackend.ed25519PublicKey(this.identitySeed)) },
    });
    const me = await this.api.call<{ entry: { weight: number }; commitment: { leaf: { position: number } } }>(
      'me',
      { params: { election } },
    );
    const manifest = await this.getManifest();
    const issuerKey = manifest.issuerKeys.keys.find((k) => k.weight === me.entry.weight);
    if (!issuerKey) throw new Error(`no issuer key for weight ${me.entry.weight}`);
    const { request, state } = unwrap(requestCredential(issuerKey, this.keyPair.publicKey));
    const signed = unwrap(
      signIssuanceRequest(
        {
          electionId: election,
          memberId: String(me.commitment.leaf.position),
          issuerKeyId: request.issuerKeyId,
          blindedMessage: request.blindedMessage,
        },
        this.identitySeed,
      ),
    );
    const { blindSignature } = await this.api.call<{ blindSignature: string }>('requestCredential', {
      params: { election },
      body: { request: signed as unknown as Record<string, unknown>, blindedMessage: request.blindedMessage },
    });
    this.credential = unwrap(finalizeCredential(state, blindSignature));
    return this.credential;
  }

  /** Casts (or recasts, with the next counter) anonymously; returns the receipt. */
  async cast(choices: ContestChoices): Promise<{ hash: string; tracker: string; logIndex: number }> {
    if (!this.credential) throw new Error('obtain a credential first');
    const manifest = await this.getManifest();
    const ballot = unwrap(
      createBallot({
        electionId: this.electionId,
        electionPublicKey: manifest.electionKey.publicKey,
        keyPair: this.keyPair,
        credential: this.credential,
        counter: this.counter,
        choices,
      }),
    );
    // A fresh client without the session: nothing on this request links it to the member.
    const receipt = await this.api
      .withToken(undefined)
      .call<{ hash: string; tracker: string; logIndex: number }>('castBallot', {
        params: { election: this.electionId },
        body: { ballot: ballot as unknown as Record<string, unknown> },
      });
    this.counter++;
    return receipt;
  }
}

/** A 32-byte seed from its base64url text, or an error naming which seed is damaged. */
function seed(text: string, which: string): Uint8Array {
  const bytes = fromBase64url(text, `the saved ${which} seed`);
  if (bytes.length !== 32) throw new Error(`the saved ${which} seed is not 32 bytes`);
  return bytes;
}
