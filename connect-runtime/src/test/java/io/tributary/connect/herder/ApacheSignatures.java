package io.tributary.connect.herder;

import io.tributary.connect.distributed.ReferenceRuntime;

import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;

import org.apache.kafka.common.config.AbstractConfig;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;

/**
 * Kafka Connect 4.1.1's own request signing, from the reference jar in a class loader of its own: signs as an
 * Apache worker signs, checks a signature as an Apache worker checks it, and sends task configs to a worker
 * with Apache's RestClient, exactly as an Apache follower sends them to its leader.
 */
public final class ApacheSignatures {

    private static final String SIGNATURE = "org.apache.kafka.connect.runtime.rest.InternalRequestSignature";

    private final ReferenceRuntime apache = ReferenceRuntime.get();

    /** The headers Apache's worker adds to a request carrying {@code body} (Jetty's own defaults left out). */
    public Map<String, String> sign(SecretKey key, String algorithm, byte[] body) {
        HttpClient client = new HttpClient();
        Request request = client.newRequest("http://localhost/");
        Map<String, String> before = headers(request);
        apache.callStatic(SIGNATURE, "addToRequest", crypto(), key, body, algorithm, request);
        Map<String, String> added = headers(request);
        added.keySet().removeAll(before.keySet());
        return added;
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.put(field.getName(), field.getValue());
        }
        return headers;
    }

    /**
     * What an Apache worker makes of a request's signature headers: "missing" (no signature), "valid",
     * "invalid", or the message of the exception it answers with.
     */
    public String check(Map<String, String> headers, byte[] body, SecretKey key) {
        Object signature;
        try {
            signature = apache.callStatic(SIGNATURE, "fromHeaders", crypto(), body, httpHeaders(headers));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (signature == null) {
            return "missing";
        }
        return (Boolean) apache.invoke(signature, "isValid", key) ? "valid" : "invalid";
    }

    /** The algorithm an Apache worker reads from the headers. */
    public String algorithmOf(Map<String, String> headers, byte[] body) {
        Object signature = apache.callStatic(SIGNATURE, "fromHeaders", crypto(), body, httpHeaders(headers));
        return (String) apache.invoke(signature, "keyAlgorithm");
    }

    /**
     * POSTs task configs to {@code url} (a worker's /connectors/{name}/tasks) with Apache's RestClient, signed
     * with {@code key}; answers "204" or the status and message of the error it got.
     */
    public String sendTaskConfigs(String url, Object taskConfigs, SecretKey key, String algorithm) {
        Object client = apache.construct("org.apache.kafka.connect.runtime.rest.RestClient",
                new Class<?>[] {AbstractConfig.class}, (Object) null);
        try {
            apache.invoke(client, "httpRequest", url, "POST", null, taskConfigs, key, algorithm);
            return "204";
        } catch (RuntimeException e) {
            if (!e.getClass().getSimpleName().equals("ConnectRestException")) {
                throw e;
            }
            return apache.invoke(e, "statusCode") + " " + e.getMessage();
        }
    }

    private Object crypto() {
        try {
            return apache.type("Crypto").getField("SYSTEM").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpHeaders httpHeaders(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return byName.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
