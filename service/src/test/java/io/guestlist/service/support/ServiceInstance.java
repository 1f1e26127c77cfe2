package io.guestlist.service.support;

import io.guestlist.service.GuestlistApplication;
import io.guestlist.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of the service in this JVM: an application context of its own (its own web server,
 * aggregate cache, event processors, import worker and connection pool) on a shared database.
 * Several of them on one database behave as several deployed instances do.
 */
public final class ServiceInstance implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private ServiceInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts an instance named {@code name} on the database at {@code url}, with extra properties on top. */
    public static ServiceInstance start(String name, String url, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", TestDatabase.USER);
        all.put("spring.datasource.password", TestDatabase.PASSWORD);
        all.put("spring.datasource.hikari.maximum-pool-size", 8);
        all.put("spring.jmx.enabled", false);
        all.put("spring.application.name", "guestlist-" + name);
        all.putAll(properties);
        // As command-line arguments: they rank above application.yml, where default properties rank below it.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GuestlistApplication.class).run(args);
        return new ServiceInstance(name, context);
    }

    public static ServiceInstance start(String name, String url) {
        return start(name, url, Map.of());
    }

    public String name() {
        return name;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Api api() {
        return new Api(port());
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(context.getBean(DataSource.class));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops the instance as a deployment does: requests drain, processors release their claims. */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
