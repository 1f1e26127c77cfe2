package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command again when it lost a race ({@link ConcurrentConflicts}), a few times, after a
 * short random pause so that two instances retrying do not collide again in step. The failed
 * attempt rolled back as a whole (its events, and the lookup rows projected in its transaction),
 * and the rollback evicted its aggregates from the cache: the next attempt decides on fresh state.
 * Any other failure is the command's answer at once.
 * <p>
 * The retry runs in the sender's own thread (the command bus is synchronous and its unit of work
 * has ended when the result arrives), so a request waits for it as for the first attempt.
 */
class ConflictRetryScheduler implements RetryScheduler {

    static final int RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);
    private static final long BASE_PAUSE_MILLIS = 10;

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        int attempt = failures.size();
        if (attempt > RETRIES || !ConcurrentConflicts.isConflict(lastFailure)) {
            return false;
        }
        log.debug("{} lost a race ({}); attempt {} of {}", commandMessage.getPayloadType().getSimpleName(),
                lastFailure.getClass().getSimpleName(), attempt + 1, RETRIES + 1);
        long ceiling = BASE_PAUSE_MILLIS << attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        commandDispatch.run();
        return true;
    }
}
