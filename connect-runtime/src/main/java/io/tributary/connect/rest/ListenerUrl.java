package io.tributary.connect.rest;

import org.apache.kafka.common.config.ConfigException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code listeners}/{@code admin.listeners}: scheme, host (empty = every interface) and port. */
public record ListenerUrl(String scheme, String host, int port) {

    public static final String HTTP = "http";
    public static final String HTTPS = "https";

    private static final Pattern FORMAT = Pattern.compile("^([A-Za-z]+)://(\\[[0-9A-Fa-f:.]+]|[^:/\\[\\]]*):(\\d{1,5})/?$");

    public static ListenerUrl parse(String configKey, String url) {
        Matcher m = FORMAT.matcher(url.trim());
        if (!m.matches()) {
            throw new ConfigException(configKey, url, "expected scheme://host:port, e.g. http://localhost:8083 "
                    + "(an empty host listens on every interface)");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals(HTTP) && !scheme.equals(HTTPS)) {
            throw new ConfigException(configKey, url, "the scheme must be http or https");
        }
        int port = Integer.parseInt(m.group(3));
        if (port > 65535) {
            throw new ConfigException(configKey, url, "the port must be between 0 and 65535");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ListenerUrl(scheme, host, port);
    }

    public boolean secure() {
        return scheme.equals(HTTPS);
    }

    public boolean allInterfaces() {
        return host.isEmpty();
    }
}
