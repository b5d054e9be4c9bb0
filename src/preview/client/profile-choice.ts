// The LMS profile the author chose: from the address (?profile=…), else the last choice kept in
// this browser, else `standard`; remembered in both.
import { isLmsProfileId, type LmsProfileId } from '../../lms/lms-profiles.js';

const STORAGE_KEY = 'scormdown-preview:lms-profile';
export const PROFILE_PARAMETER = 'profile';

export function readProfileChoice(params: URLSearchParams, storage: Storage): LmsProfileId {
  const asked = params.get(PROFILE_PARAMETER);
  if (isLmsProfileId(asked)) return asked;
  const kept = storage.getItem(STORAGE_KEY);
  return isLmsProfileId(kept) ? kept : 'standard';
}

/** Keep the choice in the address (`url` is changed) and in this browser. */
export function rememberProfileChoice(profile: LmsProfileId, url: URL, storage: Storage): void {
  url.searchParams.set(PROFILE_PARAMETER, profile);
  storage.setItem(STORAGE_KEY, profile);
}
