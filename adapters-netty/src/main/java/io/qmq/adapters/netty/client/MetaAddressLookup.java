package io.qmq.adapters.netty.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery (§3.1): an HTTP GET of the configured URL answers {@code host:port} of the meta server's TCP
 * endpoint as plain text. Three quick attempts; anything but a 200 with a {@code host:port} is a
 * failure. Blocking: call it off the event loop. Public because brokers find their meta server the same
 * way (registration).
 */
public final class MetaAddressLookup {

    private static final Logger LOG = LoggerFactory.getLogger(MetaAddressLookup.class);
    private static final int ATTEMPTS = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final URI url;
    private final HttpClient http;

    public MetaAddressLookup(URI url) {
        this.url = url;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Optional<String> lookup() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<String> address = attempt();
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }

    private Optional<String> attempt() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(READ_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("meta server discovery {} answered HTTP {}", url, response.statusCode());
                return Optional.empty();
            }
            return parse(response.body().trim());
        } catch (IOException e) {
            LOG.warn("meta server discovery {} failed: {}", url, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            Integer.parseInt(parts[1]);
            return Optional.of(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
