package io.qmq.bootstrap.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The scheduler that ends long-polls whose time is up. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface PullTimer {
}
