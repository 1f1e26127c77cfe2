package io.guestlist.service.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;

/**
 * Puts Axon's JDBC and transaction auto-configurations after Spring Boot 4's DataSource ones.
 * Axon 4.13 orders itself after the Boot 3 class names, which moved in Boot 4; without this,
 * Axon skips its JDBC set-up and silently falls back to its no-op transaction manager, so a unit
 * of work would not be a database transaction.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration"
        })
public class AxonAfterDataSourceAutoConfiguration {
}
