package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter in a PULL_MESSAGE request (version 9: {@code i16} type, then the type's body).
 *
 * <pre>
 * type 1 TAG                tagType i16 (0 none, 1 or, 2 and), tagCount i8, tagCount x str16
 * type 2 SUB_ENV_ISOLATION  env str16, subEnv str16
 * </pre>
 */
public sealed interface PullFilter {

    int TYPE_TAG = 1;
    int TYPE_SUB_ENV = 2;

    void encode(ByteBuf out);

    record ByTags(int tagType, List<String> tags) implements PullFilter {
        public ByTags {
            tags = List.copyOf(tags);
        }

        @Override
        public void encode(ByteBuf out) {
            out.writeShort(TYPE_TAG);
            encodeBody(out);
        }

        /** The body alone, which is also the version-8 request's single tag filter. */
        public void encodeBody(ByteBuf out) {
            out.writeShort(tagType);
            out.writeByte(tags.size());
            tags.forEach(tag -> BodyWriter.str16(out, tag));
        }

        static ByTags decodeBody(BodyReader r) {
            short tagType = r.i16("tagType");
            byte count = r.i8("tagCount");
            if (count < 0) {
                throw r.malformed("negative tag count " + count);
            }
            List<String> tags = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tags.add(r.str16("filter tag"));
            }
            return new ByTags(tagType, tags);
        }
    }

    record BySubEnv(String env, String subEnv) implements PullFilter {
        @Override
        public void encode(ByteBuf out) {
            out.writeShort(TYPE_SUB_ENV);
            BodyWriter.str16(out, env);
            BodyWriter.str16(out, subEnv);
        }
    }

    static PullFilter decode(BodyReader r) {
        short type = r.i16("filter type");
        return switch (type) {
            case TYPE_TAG -> ByTags.decodeBody(r);
            case TYPE_SUB_ENV -> new BySubEnv(r.str16("env"), r.str16("subEnv"));
            default -> throw r.malformed("unknown pull filter type " + type);
        };
    }
}
