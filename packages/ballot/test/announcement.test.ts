import { checkAnnouncement, createTrustee } from '../src/index.js';

test('an announcement is checked on its own: index, election, and the key proof', () => {
  const { announcement } = createTrustee('e1', 2, 'Rosa');
  expect(checkAnnouncement('e1', 2, announcement).ok).toBe(true);
  const wrongIndex = checkAnnouncement('e1', 3, announcement);
  expect(!wrongIndex.ok && wrongIndex.error.code).toBe('BAD_CEREMONY_PARAMETERS');
  expect(checkAnnouncement('e2', 2, announcement).ok).toBe(false);
  // The proof binds the name: a renamed announcement fails its proof, naming the trustee.
  const renamed = checkAnnouncement('e1', 2, { ...announcement, name: 'Karl' });
  expect(!renamed.ok && [renamed.error.code, renamed.error.trustee]).toEqual(['BAD_TRUSTEE_PROOF', 2]);
  expect(checkAnnouncement('e1', 2, 'garbage').ok).toBe(false);
});
