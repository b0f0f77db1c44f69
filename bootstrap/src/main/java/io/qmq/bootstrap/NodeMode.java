package io.qmq.bootstrap;

import java.util.Locale;

/** Which servers one process runs. */
public enum NodeMode {
    /** Meta server and realtime broker in one process, with embedded storage: the easy start. */
    STANDALONE,
    /** Meta server alone. */
    META,
    /** Realtime broker alone, registering with a meta server. */
    BROKER,
    /** Delay server alone. */
    DELAY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
