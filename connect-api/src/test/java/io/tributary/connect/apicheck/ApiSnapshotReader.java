package io.tributary.connect.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the API snapshot of every visible class under a package prefix in one jar or classes
 * directory, loading them in an isolated class loader. Classes that cannot be loaded are
 * recorded as unreadable rather than aborting the whole check.
 */
final class ApiSnapshotReader {

    private ApiSnapshotReader() {
    }

    static ApiSnapshot read(Path location, String packagePrefix) {
        ClassLoader parent = ApiSnapshotReader.class.getClassLoader();
        try (ChildFirstClassLoader loader = new ChildFirstClassLoader(location, packagePrefix, parent)) {
            List<ClassApi> classes = new ArrayList<>();
            for (String name : ClassEntries.list(location, packagePrefix)) {
                if (!name.contains("$")) {
                    readTopLevel(name, loader, classes);
                }
            }
            return ApiSnapshot.of(classes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close class loader for " + location, e);
        }
    }

    private static void readTopLevel(String name, ClassLoader loader, List<ClassApi> classes) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            classes.add(ClassApi.unreadable(name, e));
            return;
        }
        readWithNested(type, classes);
    }

    private static void readWithNested(Class<?> type, List<ClassApi> classes) {
        if (!ClassApiReader.isApiVisible(type)) {
            return;
        }
        Class<?>[] nested;
        try {
            classes.add(ClassApiReader.read(type));
            nested = type.getDeclaredClasses();
        } catch (LinkageError | RuntimeException e) {
            classes.add(ClassApi.unreadable(type.getName(), e));
            return;
        }
        for (Class<?> member : nested) {
            readWithNested(member, classes);
        }
    }
}
