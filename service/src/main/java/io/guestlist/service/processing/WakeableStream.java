package io.guestlist.service.processing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A stream of the embedded store that accepts an availability callback and runs it on a wake.
 * The store's fetch runs on its own thread, so the first look after a wake that finds nothing
 * waits (briefly) for that fetch instead of going back to sleep until the next poll.
 */
final class WakeableStream implements TrackingEventStream {

    /** The most a woken look waits for the store's fetch; a fetch of new events takes milliseconds. */
    static final int FETCH_WAIT_MS = 200;

    private final TrackingEventStream delegate;
    private final Consumer<WakeableStream> onClose;
    private volatile Runnable callback;
    private volatile boolean woken;

    WakeableStream(TrackingEventStream delegate, Consumer<WakeableStream> onClose) {
        this.delegate = delegate;
        this.onClose = onClose;
    }

    void wake() {
        woken = true;
        Runnable onAvailable = callback;
        if (onAvailable != null) {
            onAvailable.run();
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.callback = callback;
        return true;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (delegate.hasNextAvailable(timeout, unit)) {
            return true;
        }
        if (!woken) {
            return false;
        }
        woken = false;
        return delegate.hasNextAvailable(FETCH_WAIT_MS, TimeUnit.MILLISECONDS) || delegate.hasNextAvailable();
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        onClose.accept(this);
        delegate.close();
    }
}
