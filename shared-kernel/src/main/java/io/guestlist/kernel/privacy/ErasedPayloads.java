package io.guestlist.kernel.privacy;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The payloads read back with at least one {@link PersonalData} field whose key was erased (those
 * fields read as {@code null}). Records cannot carry a mutable flag, so the reader marks them here
 * and history and the audit feed show {@code "erased": true}. Weak: a payload nobody holds is
 * forgotten. Keyed by equality; an equal payload is erased alike, as its personal fields are null alike.
 */
public final class ErasedPayloads {

    private static final Map<Object, Boolean> ERASED = Collections.synchronizedMap(new WeakHashMap<>());

    private ErasedPayloads() {
    }

    public static void mark(Object payload) {
        ERASED.put(payload, Boolean.TRUE);
    }

    public static boolean isErased(Object payload) {
        return payload != null && ERASED.containsKey(payload);
    }
}
