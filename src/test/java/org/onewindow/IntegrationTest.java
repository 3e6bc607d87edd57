package org.onewindow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole platform against a real PostgreSQL (the embedded one, in a throw-away data
 * directory) with the demo data loaded, and a clock tests can move. All tests that use it share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true",
        "onewindow.demo-data=true",
        "onewindow.data-dir=target/test-data",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "logging.level.org.onewindow.request=WARN",
        // the suite calls from one address far faster than a person; RateLimitsTest runs with its own limits
        "onewindow.rate-limits.enabled=false"
})
@Import(IntegrationTest.Clocks.class)
public @interface IntegrationTest {

    /** Every integration test sees the same movable clock. */
    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
