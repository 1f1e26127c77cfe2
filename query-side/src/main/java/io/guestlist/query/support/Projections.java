package io.guestlist.query.support;

import java.util.List;

/**
 * The query side's processing groups, named as in the configuration. Governance is subscribing: it
 * projects workspaces and members in the transaction of the command that changes them, so a member
 * whose addition committed is never refused by a read. The others are streaming.
 */
public final class Projections {

    public static final String GOVERNANCE = "governance";
    public static final String GUEST_LIST = "guest-list";
    public static final String IMPORTS = "imports";
    public static final String AUDIT = "audit";

    /** Every streaming processing group: each has a dead-letter queue, so one poison event parks instead of stopping it. */
    public static final List<String> STREAMING = List.of(GUEST_LIST, IMPORTS, AUDIT);

    private Projections() {
    }
}
