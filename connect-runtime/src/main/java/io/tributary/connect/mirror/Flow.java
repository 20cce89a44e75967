package io.tributary.connect.mirror;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One replication flow of a dedicated MirrorMaker 2 cluster: records go from the {@code source} cluster to the
 * {@code target} cluster, run by a Connect group of its own on the target. Written {@code A->B}, as in
 * {@code A->B.enabled} and in the worker ids and client ids MirrorMaker 2 derives.
 */
public record Flow(String source, String target) {

    @Override
    public String toString() {
        return source + "->" + target;
    }

    /** The path under the internal REST server where this flow's herder takes requests: /{source}/{target}. */
    String restPath() {
        return "/" + pathSegment(source) + "/" + pathSegment(target);
    }

    private static String pathSegment(String alias) {
        return URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
