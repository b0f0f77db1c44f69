package io.qmq.bootstrap.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to a node's admin endpoint over HTTP with the admin token, and turns each way it can go wrong
 * into an {@link AdminRequestException} that says what to do: a wrong token, an unknown id (the
 * endpoint's own reason) or an unreachable server. Answers are the endpoint's JSON, unchanged.
 */
public final class AdminEndpoint {

    static final String TOKEN_HEADER = "X-Admin-Token";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int UNAUTHORIZED = 401;
    private static final int OK_CLASS = 2;

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public AdminEndpoint(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    public String get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    public String delete(String path) {
        return send("DELETE", path);
    }

    public String post(String pathAndQuery) {
        return send("POST", pathAndQuery);
    }

    public String put(String pathAndQuery) {
        return send("PUT", pathAndQuery);
    }

    /** A query or path parameter, encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String send(String method, String pathAndQuery) {
        URI uri = server.resolve(pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(TOKEN_HEADER, token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new AdminRequestException("cannot reach the admin endpoint at " + server
                    + " (is the node running with admin.token set, and is admin.port right?)", e);
        } catch (HttpTimeoutException e) {
            throw new AdminRequestException("the admin endpoint at " + server + " did not answer in " + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AdminRequestException("request to " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminRequestException("interrupted while waiting for " + uri, e);
        }
        return checked(answer);
    }

    private String checked(HttpResponse<String> answer) {
        if (answer.statusCode() == UNAUTHORIZED) {
            throw new AdminRequestException("the node refused the admin token: " + answer.body().trim()
                    + " (pass the node's admin.token with --token)", null);
        }
        if (answer.statusCode() / 100 != OK_CLASS) {
            throw new AdminRequestException("HTTP " + answer.statusCode() + ": " + answer.body().trim(), null);
        }
        return answer.body();
    }
}
