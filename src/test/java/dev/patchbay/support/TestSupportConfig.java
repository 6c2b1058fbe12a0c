package dev.patchbay.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    @Bean
    static QueryCounter queryCounter() {
        return new QueryCounter();
    }
}
