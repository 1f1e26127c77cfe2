package io.guestlist.query.privacy;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.Map;

/** The keys of data subjects (a person, an import run), one each. An erased subject has none, for good. */
public interface PersonalDataKeys {

    /** Keys to write with, made for subjects that have none yet; an erased subject is absent. */
    Map<String, SecretKey> forWriting(Collection<String> subjects);

    /** Keys to read with; an erased subject is absent. */
    Map<String, SecretKey> forReading(Collection<String> subjects);

    /** Drops what this instance remembers of the subject, so the next read asks the database. */
    void forget(String subject);
}
