package io.guestlist.query.support;

import java.util.List;

/** The query side's processing groups: one streaming processor each, named as in the configuration. */
public final class Projections {

    public static final String GOVERNANCE = "governance";
    public static final String GUEST_LIST = "guest-list";
    public static final String IMPORTS = "imports";
    public static final String AUDIT = "audit";

    /** Every streaming processing group: each has a dead-letter queue, so one poison event parks instead of stopping it. */
    public static final List<String> STREAMING = List.of(GOVERNANCE, GUEST_LIST, IMPORTS, AUDIT);

    private Projections() {
    }
}
