package io.qmq.adapters.netty.handler;

import io.netty.handler.codec.http.HttpResponseStatus;

/** An admin request's HTTP status and JSON body. */
record AdminAnswer(HttpResponseStatus status, String json) {
}
