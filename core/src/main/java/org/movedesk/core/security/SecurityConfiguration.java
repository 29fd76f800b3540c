package org.movedesk.core.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import org.movedesk.core.store.StoreSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionPolicy.class)
public class SecurityConfiguration {

    /** The desk keystore, wherever the store settings say it is (created on first use). */
    @Bean
    public StoreKeyring storeKeyring(Environment env) {
        return StoreSettings.from(env).keyring(System.getenv());
    }
}
