package io.tributary.connect;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the runtime's package graph the one docs/architecture.md draws: every package sits in a layer, imports
 * only from its own layer or the ones below, and no two packages depend on each other, directly or around a
 * loop. A new package fails here until it is given a layer on purpose.
 */
class PackageGraphTest {

    private static final String ROOT = "io.tributary.connect";

    /** Bottom to top. A package may depend on packages of its own layer (without a cycle) or lower ones. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("model", "config", "tls", "plugins", "logging", "metrics"),
            Set.of("errors", "storage", "status", "distributed"),
            Set.of("worker"),
            Set.of("herder"),
            Set.of("rest.entities", "rest.errors", "rest.resources", "rest.extensions", "rest"),
            Set.of("cli", "mirror"));

    private static final PackageGraph MAIN = PackageGraph.read(Path.of("src/main/java"), ROOT);

    @Test
    void everyPackageHasALayer() {
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertThat(MAIN.packages()).isNotEmpty();
        assertThat(layered).as("packages of the layer table").containsAll(MAIN.packages());
    }

    @Test
    void noPackageImportsFromALayerAboveIt() {
        List<String> upward = new ArrayList<>();
        MAIN.edges().forEach((from, targets) -> targets.forEach((to, files) -> {
            if (layerOf(to) > layerOf(from)) {
                upward.add(from + " -> " + to + " in " + files);
            }
        }));
        assertThat(upward).as("imports from a higher layer").isEmpty();
    }

    @Test
    void thePackageGraphHasNoCycle() {
        assertThat(MAIN.cycles()).as("package cycles (each with the files that close it)").isEmpty();
    }

    @Test
    void theCycleCheckFindsALoop() {
        Map<String, Map<String, Set<String>>> loop = new TreeMap<>();
        loop.put("a", Map.of("b", Set.of("A.java")));
        loop.put("b", Map.of("c", Set.of("B.java")));
        loop.put("c", Map.of("a", Set.of("C.java")));
        loop.put("d", Map.of("a", Set.of("D.java")));
        assertThat(new PackageGraph(loop).cycles()).singleElement().asString()
                .contains("a -> b").contains("b -> c").contains("c -> a").doesNotContain("d");
    }

    @Test
    void theReaderSeesImportsAndQualifiedNamesButNotComments() throws IOException {
        Path dir = Files.createTempDirectory("package-graph");
        Path a = Files.createDirectories(dir.resolve("io/tributary/connect/a"));
        Files.writeString(a.resolve("A.java"), """
                package io.tributary.connect.a;

                import io.tributary.connect.b.B;
                import static io.tributary.connect.c.C.NAME;

                /** See {@link io.tributary.connect.e.E}. */
                class A {
                    // io.tributary.connect.f.F is only mentioned here
                    io.tributary.connect.d.D d;
                }
                """);
        for (String other : List.of("b/B", "c/C", "d/D", "e/E", "f/F")) {
            Path file = dir.resolve("io/tributary/connect/" + other + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package io.tributary.connect." + other.substring(0, 1) + ";\nclass "
                    + other.substring(2) + " {}\n");
        }
        assertThat(PackageGraph.read(dir, ROOT).edges().get("a")).containsOnlyKeys("b", "c", "d");
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("Package " + pkg + " has no layer in PackageGraphTest.LAYERS");
    }

    /** Imports between the packages under a root, read from source: package -> package -> files. */
    record PackageGraph(Map<String, Map<String, Set<String>>> edges) {

        Set<String> packages() {
            Set<String> all = new TreeSet<>(edges.keySet());
            edges.values().forEach(targets -> all.addAll(targets.keySet()));
            return all;
        }

        static PackageGraph read(Path sources, String root) {
            Path rootDir = sources.resolve(root.replace('.', '/'));
            Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
            try (Stream<Path> files = Files.walk(rootDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = JavaSource.withoutComments(Files.readString(file));
                    String from = relative(JavaSource.packageOf(code), root);
                    if (from == null) {
                        continue;
                    }
                    Map<String, Set<String>> targets = edges.computeIfAbsent(from, k -> new TreeMap<>());
                    for (String type : JavaSource.referencedTypes(code, root)) {
                        String to = relative(packageOfType(type, rootDir, root), root);
                        if (to != null && !to.equals(from)) {
                            targets.computeIfAbsent(to, k -> new TreeSet<>()).add(file.getFileName().toString());
                        }
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("Could not read " + rootDir.toAbsolutePath(), e);
            }
            return new PackageGraph(edges);
        }

        /** Every cycle as "a -> b [files], b -> a [files]", one per strongly connected group. */
        List<String> cycles() {
            List<String> cycles = new ArrayList<>();
            for (Set<String> group : new StronglyConnected(edges).groups()) {
                if (group.size() < 2) {
                    continue;
                }
                List<String> links = new ArrayList<>();
                for (String from : group) {
                    edges.getOrDefault(from, Map.of()).forEach((to, files) -> {
                        if (group.contains(to)) {
                            links.add(from + " -> " + to + " " + files);
                        }
                    });
                }
                cycles.add(String.join(", ", links));
            }
            return cycles;
        }

        /** The longest prefix of the name that is a source folder: nested types map to their file's package. */
        private static String packageOfType(String qualified, Path rootDir, String root) {
            String[] parts = qualified.substring(root.length() + 1).split("\\.");
            Path dir = rootDir;
            String pkg = root;
            for (String part : parts) {
                if (Character.isUpperCase(part.charAt(0)) || !Files.isDirectory(dir.resolve(part))) {
                    break;
                }
                dir = dir.resolve(part);
                pkg = pkg + "." + part;
            }
            return pkg;
        }

        private static String relative(String pkg, String root) {
            if (pkg == null || !pkg.startsWith(root + ".")) {
                return null;
            }
            return pkg.substring(root.length() + 1);
        }
    }

    /** Tarjan's algorithm over the package graph. */
    private static final class StronglyConnected {

        private final Map<String, Map<String, Set<String>>> edges;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> groups = new ArrayList<>();

        StronglyConnected(Map<String, Map<String, Set<String>>> edges) {
            this.edges = edges;
        }

        List<Set<String>> groups() {
            edges.keySet().forEach(node -> {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            });
            return groups;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> group = new TreeSet<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    group.add(member);
                } while (!member.equals(node));
                groups.add(group);
            }
        }
    }
}
