package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClassApiReaderTest {

    private static final String PREFIX = ClassApiReaderTest.class.getName() + "$";

    public abstract static class Container<T extends Comparable<T>> implements Supplier<T>, Callable<T> {
        public static final int LIMIT = 42;
        public static final String LABEL = "tab\there";
        public static final List<String> NAMES = List.of();
        protected long counter;
        int hidden;

        protected Container(Map<String, ? super T> options) throws IOException {
        }

        public abstract <K> Map<K, List<T>> group(K key, T... values) throws IOException, InterruptedException;

        public final synchronized void reset() {
        }

        protected static String describe(int[][] grid) {
            return "";
        }

        void packagePrivate() {
        }

        private void secret() {
        }
    }

    public static final class NumberBox implements Supplier<Integer> {
        // Covariant with Supplier<T>.get(): javac adds a bridge method returning Object.
        @Override
        public Integer get() {
            return 1;
        }
    }

    public interface Shape {
        double area();

        default String name() {
            return "shape";
        }

        static Shape unit() {
            return () -> 1;
        }
    }

    public enum Color { RED, GREEN { }, BLUE }

    static class HiddenBase {
        public void inherited() {
        }
    }

    public static class Exposed extends HiddenBase {
    }

    @Test
    void declarationShowsKindModifiersTypeParametersSuperclassAndInterfaces() {
        assertThat(textOf(Container.class, MemberKey.DECLARATION)).isEqualTo("public abstract static class " + PREFIX
                + "Container<T extends java.lang.Comparable<T>> extends java.lang.Object"
                + " implements java.util.concurrent.Callable<T>, java.util.function.Supplier<T>");
    }

    @Test
    void methodShowsTypeParametersGenericTypesVarargsAndSortedExceptions() {
        assertThat(textOf(Container.class, new MemberKey(MemberKind.METHOD, "group(java.lang.Object, java.lang.Comparable[])")))
                .isEqualTo("public abstract <K> java.util.Map<K, java.util.List<T>> group(K, T...)"
                        + " throws java.io.IOException, java.lang.InterruptedException");
    }

    @Test
    void methodShowsFinalButNotSynchronized() {
        assertThat(textOf(Container.class, new MemberKey(MemberKind.METHOD, "reset()")))
                .isEqualTo("public final void reset()");
    }

    @Test
    void protectedStaticMethodAndConstructorAreIncluded() {
        assertThat(texts(Container.class)).contains(
                "protected static java.lang.String describe(int[][])",
                "protected " + PREFIX + "Container(java.util.Map<java.lang.String, ? super T>) throws java.io.IOException",
                "protected long counter");
    }

    @Test
    void privateAndPackagePrivateMembersAreIgnored() {
        assertThat(texts(Container.class)).noneMatch(text -> text.contains("packagePrivate")
                || text.contains("secret") || text.contains("hidden"));
    }

    @Test
    void primitiveAndStringConstantsShowTheirValues() {
        assertThat(texts(Container.class)).contains(
                "public static final int LIMIT = 42",
                "public static final java.lang.String LABEL = \"tab\\there\"",
                "public static final java.util.List<java.lang.String> NAMES");
    }

    @Test
    void bridgeMethodsAreIgnored() {
        assertThat(texts(NumberBox.class)).containsExactlyInAnyOrder(
                "public static final class " + PREFIX + "NumberBox extends java.lang.Object"
                        + " implements java.util.function.Supplier<java.lang.Integer>",
                "public " + PREFIX + "NumberBox()",
                "public java.lang.Integer get()");
    }

    @Test
    void interfaceMethodsShowAbstractDefaultAndStatic() {
        assertThat(texts(Shape.class)).containsExactlyInAnyOrder(
                "public static interface " + PREFIX + "Shape",
                "public abstract double area()",
                "public default java.lang.String name()",
                "public static " + PREFIX + "Shape unit()");
    }

    @Test
    void enumConstantsCarryTheirOrdinalAndGeneratedMethodsAreIgnored() {
        assertThat(texts(Color.class)).containsExactlyInAnyOrder(
                "public static enum " + PREFIX + "Color extends java.lang.Enum<" + PREFIX + "Color>",
                "RED (ordinal 0)",
                "GREEN (ordinal 1)",
                "BLUE (ordinal 2)");
    }

    @Test
    void publicMembersInheritedFromNonApiSuperclassBelongToTheSubclass() {
        assertThat(texts(Exposed.class)).contains("public void inherited()");
    }

    @Test
    void anonymousAndPackagePrivateClassesAreNotApiVisible() {
        assertThat(ClassApiReader.isApiVisible(HiddenBase.class)).isFalse();
        assertThat(ClassApiReader.isApiVisible(Color.GREEN.getClass())).isFalse();
        assertThat(ClassApiReader.isApiVisible(Exposed.class)).isTrue();
    }

    private static String textOf(Class<?> type, MemberKey key) {
        return ClassApiReader.read(type).members().get(key).text();
    }

    private static List<String> texts(Class<?> type) {
        return ClassApiReader.read(type).members().values().stream().map(ApiMember::text).toList();
    }
}
