package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLIENT_REGISTER (35) request body: a map of strings.
 *
 * <pre>
 * count    i16
 * entries  count x (key str16, value str16), in any order
 * </pre>
 *
 * Keys the 1.1.43 client sends are the constants below; unknown keys are kept and may be ignored.
 */
public record ClientRegisterRequestBody(Map<String, String> entries) {

    public static final String SUBJECT = "subject";
    public static final String CLIENT_TYPE_CODE = "clientTypeCode";
    public static final String APP_CODE = "appCode";
    public static final String CLIENT_ID = "clientId";
    public static final String CONSUMER_GROUP = "consumerGroup";
    public static final String REQUEST_TYPE = "requestType";
    public static final String CLIENT_LDC = "clientLDC";
    /** requestType of a client's first request for a key; later ones are heartbeats (2). */
    public static final String REQUEST_TYPE_ONLINE = "1";

    public ClientRegisterRequestBody {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value of {@code key}, or "" when the client did not send it. */
    public String get(String key) {
        return entries.getOrDefault(key, "");
    }

    public static ClientRegisterRequestBody decode(ByteBuf body) {
        BodyReader r = new BodyReader(body, "client register request");
        short count = r.i16("entry count");
        if (count < 0) {
            throw r.malformed("negative entry count " + count);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(r.str16("key"), r.str16("value"));
        }
        return new ClientRegisterRequestBody(entries);
    }

    public void encode(ByteBuf out) {
        out.writeShort(entries.size());
        entries.forEach((key, value) -> {
            BodyWriter.str16(out, key);
            BodyWriter.str16(out, value);
        });
    }
}
