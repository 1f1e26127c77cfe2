package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import javax.annotation.Nonnull;

/**
 * The target of a command as its annotations name it, with the version the client expects (from
 * {@code If-Match}) carried in the metadata under {@link #EXPECTED_VERSION}: the commands stay as they
 * are, and Axon's repository makes the check, failing with {@code ConflictingAggregateVersionException}.
 */
public class ExpectedVersionResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) expected).longValue());
    }
}
