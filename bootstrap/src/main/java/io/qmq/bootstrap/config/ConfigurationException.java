package io.qmq.bootstrap.config;

/** The node's configuration cannot be used: an unknown key, a bad value, an unreadable file. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigurationException badValue(String key, String value, String source, String reason) {
        return new ConfigurationException("bad value '" + value + "' for " + key + " (from " + source + "): " + reason);
    }
}
