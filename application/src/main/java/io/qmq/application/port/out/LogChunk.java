package io.qmq.application.port.out;

import java.util.Objects;

/**
 * Bytes of the master's message log exactly as written, from log position {@code position} on: whole
 * records only, so a slave can check and append them as they are and keep the master's positions.
 *
 * @param position  log position of the first byte
 * @param bytes     the records; empty when the master had nothing new
 * @param masterEnd how far the master's log reached when the chunk was read (for lag reports)
 */
public record LogChunk(long position, byte[] bytes, long masterEnd) {

    public LogChunk {
        Objects.requireNonNull(bytes, "bytes");
        if (position < 0 || masterEnd < position + bytes.length) {
            throw new IllegalArgumentException("chunk of " + bytes.length + " bytes at " + position
                    + " does not lie within the master's log ending at " + masterEnd);
        }
    }

    /** The log position just past the chunk. */
    public long end() {
        return position + bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }
}
