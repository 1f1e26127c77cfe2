package io.guestlist.query.workspace;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The governance projection fails the command it cannot project: errors propagate, never just logged. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfig {

    @Bean
    ConfigurerModule governanceErrorsPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(GovernanceProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
