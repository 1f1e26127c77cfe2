package io.guestlist.service.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon's Micrometer auto-configuration after Spring Boot 4's meter registries. Axon 4.13
 * orders itself after the Boot 3 class names, which moved in Boot 4; without this it finds no
 * registry yet, makes a {@code SimpleMeterRegistry} of its own, and its processor metrics never
 * reach {@code /actuator/prometheus}.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"
        },
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
public class AxonAfterMeterRegistryAutoConfiguration {
}
