package io.qmq.bootstrap.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** The executor pulls read the message log on, off the network threads. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface PullWorkers {
}
