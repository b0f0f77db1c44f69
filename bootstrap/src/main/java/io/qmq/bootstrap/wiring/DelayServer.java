package io.qmq.bootstrap.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The delay node's endpoint (and its config), as opposed to the realtime broker's. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface DelayServer {
}
