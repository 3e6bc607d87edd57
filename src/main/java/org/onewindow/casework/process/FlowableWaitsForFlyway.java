package org.onewindow.casework.process;

import java.util.Set;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes Flowable's engine wait for Flyway. Without it, on an empty database Flowable creates its
 * ACT_* tables first and Flyway then refuses to migrate a non-empty schema without history.
 * Registered in META-INF/spring.factories.
 */
public class FlowableWaitsForFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(SpringProcessEngineConfiguration.class);
    }
}
