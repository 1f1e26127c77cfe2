package io.guestlist.kernel.occasion;

/**
 * A host's per-unit decision that beats the rules: FORCE_INCLUDE puts an ACTIVE unit in whatever the
 * rules say, FORCE_EXCLUDE keeps it out. An archived unit stays out either way (SPEC §5).
 */
public enum OverrideMode {
    FORCE_INCLUDE, FORCE_EXCLUDE
}
