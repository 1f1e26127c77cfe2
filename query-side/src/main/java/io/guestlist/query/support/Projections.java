package io.guestlist.query.support;

/** The query side's processing groups: one streaming processor each, named as in the configuration. */
public final class Projections {

    public static final String GOVERNANCE = "governance";
    public static final String GUEST_LIST = "guest-list";
    public static final String IMPORTS = "imports";
    public static final String AUDIT = "audit";

    private Projections() {
    }
}
