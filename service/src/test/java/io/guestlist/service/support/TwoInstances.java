package io.guestlist.service.support;

import io.guestlist.testing.TestDatabase;

/**
 * Two instances of the service on one database of the test class's own, as a deployment runs them.
 * Each has its own cache, processors and connection pool; only the database is shared.
 */
public final class TwoInstances implements AutoCloseable {

    private final String url;
    private final ServiceInstance a;
    private final ServiceInstance b;

    private TwoInstances(String url, ServiceInstance a, ServiceInstance b) {
        this.url = url;
        this.a = a;
        this.b = b;
    }

    public static TwoInstances on(Class<?> testClass) {
        String url = TestDatabase.create(testClass);
        ServiceInstance a = ServiceInstance.start("a", url);
        ServiceInstance b = ServiceInstance.start("b", url);
        return new TwoInstances(url, a, b);
    }

    public String url() {
        return url;
    }

    public ServiceInstance a() {
        return a;
    }

    public ServiceInstance b() {
        return b;
    }

    /** Instance A for even {@code i}, B for odd: spreads a loop of calls across both. */
    public Api alternate(int i) {
        return i % 2 == 0 ? a.api() : b.api();
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
