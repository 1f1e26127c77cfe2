package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.phone.Phone;
import io.guestlist.kernel.phone.PhoneNormalizer;

import java.util.List;
import java.util.Optional;

/**
 * Picks the number a contact is invited on (SPEC §4.1): the first valid mobile wins, else the first valid
 * number, else the first number, so a malformed one is still kept and reported rather than dropped.
 * A mobile the contact labelled so ({@code TYPE=CELL}) beats one that only libphonenumber classes as
 * mobile, because a national number read under the workspace's region can look mobile by accident
 * (a US "905-777-1234" under {@code IN}); a number labelled fax or pager comes after every other valid one.
 */
final class PhoneChooser {

    private static final int LABELLED_MOBILE = 0;
    private static final int CLASSED_MOBILE = 1;
    private static final int VALID = 2;
    private static final int VALID_NO_VOICE = 3;
    private static final int INVALID = 4;

    private PhoneChooser() {
    }

    /** @return the index of the chosen candidate, or -1 when there are none */
    static int choose(List<PhoneCandidate> candidates, String country, String defaultRegion) {
        int chosen = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            int rank = rank(candidates.get(i), country, defaultRegion);
            if (rank < bestRank) {
                chosen = i;
                bestRank = rank;
            }
        }
        return chosen;
    }

    private static int rank(PhoneCandidate candidate, String country, String defaultRegion) {
        Optional<Phone> phone = PhoneNormalizer.parse(candidate.text(), country, defaultRegion);
        if (phone.isEmpty() || !phone.get().isValid()) {
            return INVALID;
        }
        if (candidate.labelledMobile()) {
            return LABELLED_MOBILE;
        }
        if (candidate.labelledNoVoice()) {
            return VALID_NO_VOICE;
        }
        return phone.get().mobile() ? CLASSED_MOBILE : VALID;
    }
}
