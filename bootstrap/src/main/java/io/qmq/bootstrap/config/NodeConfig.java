package io.qmq.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A node's settings, every key parsed and checked before anything starts. Later sources win: the
 * defaults, then the {@code --config} properties file, then each {@code --set KEY=VALUE}; the data
 * directory always comes from {@code --data-dir}.
 */
public final class NodeConfig {

    static final String AUTO_HOST = "auto";

    private final Map<String, String> texts;
    private final Map<String, Object> values;

    private NodeConfig(Map<String, String> texts, Map<String, Object> values) {
        this.texts = Collections.unmodifiableMap(texts);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @throws ConfigurationException naming the key (and value) of the first unknown key, bad value or
     *                                unreadable file
     */
    public static NodeConfig load(Path dataDir, Optional<Path> file, Map<String, String> overrides) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            texts.put(setting.key(), setting.defaultValue());
            sources.put(setting.key(), "defaults");
        }
        file.ifPresent(path -> apply(readProperties(path), path.toString(), texts, sources));
        apply(overrides, "--set", texts, sources);
        apply(Map.of(Settings.STORE_ROOT.key(), dataDir.toString()), "--data-dir", texts, sources);
        if (AUTO_HOST.equals(texts.get(Settings.NODE_HOST.key()))) {
            texts.put(Settings.NODE_HOST.key(), HostAddress.detect());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            String key = setting.key();
            values.put(key, setting.parse(texts.get(key), sources.get(key)));
        }
        return new NodeConfig(texts, values);
    }

    /** Only the defaults and the data directory, as for tests and the {@code config} listing. */
    public static NodeConfig defaults(Path dataDir) {
        return load(dataDir, Optional.empty(), Map.of());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting.key());
        if (value == null) {
            throw new ConfigurationException("no value for " + setting.key());
        }
        return (T) value;
    }

    /** Every key with its effective text (secrets masked), in catalogue order, for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> shown = new LinkedHashMap<>(texts);
        shown.computeIfPresent(Settings.JDBC_PASSWORD.key(), (k, v) -> v.isEmpty() ? v : "****");
        return shown;
    }

    private static void apply(Map<String, String> entries, String source, Map<String, String> texts,
                              Map<String, String> sources) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey().trim();
            if (Settings.find(key).isEmpty()) {
                throw new ConfigurationException("unknown configuration key '" + key + "' (from " + source
                        + ", value '" + entry.getValue() + "'); 'qmq config' lists the known keys");
            }
            texts.put(key, entry.getValue());
            sources.put(key, source);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            entries.put(key, properties.getProperty(key));
        }
        return entries;
    }
}
