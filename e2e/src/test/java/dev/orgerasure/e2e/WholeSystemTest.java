package dev.orgerasure.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the whole system with the demo data. The system starts once per
 * test run and is shared by every such class; test methods and constructors receive it as a {@link
 * SystemUnderTest} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WholeSystemExtension.class)
public @interface WholeSystemTest {}
