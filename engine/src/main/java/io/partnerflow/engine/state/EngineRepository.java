package io.partnerflow.engine.state;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * A repository of the engine's state. Not Spring's {@code @Repository}: that stereotype wraps every
 * call in a proxy that translates persistence exceptions, which {@code JdbcClient} already throws
 * as {@code DataAccessException}s; on the hot path the proxy's reflection cost about 3% of the
 * JVM's CPU per instance (engine/README.md, throughput benchmark).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface EngineRepository {}
