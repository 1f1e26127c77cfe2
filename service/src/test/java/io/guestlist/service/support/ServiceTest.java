package io.guestlist.service.support;

import io.guestlist.service.GuestlistApplication;
import io.guestlist.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole service on a random port, over a database of the test class's own with the real
 * migrations. A subclass names its database in a {@code @DynamicPropertySource}:
 * {@code static void db(DynamicPropertyRegistry r) { useDatabaseOf(MyTest.class, r); }}.
 * The context closes after the class, so no test's processors outlive it.
 */
@SpringBootTest(classes = GuestlistApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    protected static void useDatabaseOf(Class<?> testClass, DynamicPropertyRegistry registry) {
        String url = TestDatabase.create(testClass);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
    }

    protected Api api() {
        return new Api(port);
    }
}
