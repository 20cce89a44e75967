package io.tributary.connect.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** Test helpers about the ports a cluster listens on. */
final class Ports {

    private Ports() {
    }

    /** The ports named in a {@code bootstrap.servers} value such as {@code localhost:1234,localhost:5678}. */
    static List<Integer> of(String bootstrapServers) {
        return Arrays.stream(bootstrapServers.split(","))
                .map(server -> Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)))
                .toList();
    }

    /** True when nothing listens on the port any more, i.e. we can bind it ourselves. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
