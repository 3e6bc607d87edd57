package org.onewindow.benchmark;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Under the bench profile only, /bench/** is open without a login, so that the baseline measures
 * the engine and the database rather than password checks. It comes before the API and page
 * chains; without the profile those chains deny every /bench path.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain bench(HttpSecurity http) throws Exception {
        http.securityMatcher("/bench/**")
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
