package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @SuppressWarnings("unused")
    private interface Samples {
        Map<String, ? extends Number> wildcards(List<? super Integer> lower, List<?> unbounded);

        <T extends Comparable<T> & Cloneable> T[] bounded(Map.Entry<String, T>[][] entries);

        Thread.State nested();
    }

    @Test
    void parameterizedTypesUseJavapSeparatorsAndWildcards() throws Exception {
        Method method = sample("wildcards");

        assertThat(TypeNames.of(method.getGenericReturnType()))
                .isEqualTo("java.util.Map<java.lang.String, ? extends java.lang.Number>");
        assertThat(TypeNames.list(method.getGenericParameterTypes()))
                .isEqualTo("java.util.List<? super java.lang.Integer>, java.util.List<?>");
    }

    @Test
    void typeParametersShowAllBoundsAndGenericArrays() throws Exception {
        Method method = sample("bounded");

        assertThat(TypeNames.typeParameters(method.getTypeParameters()))
                .isEqualTo("<T extends java.lang.Comparable<T> & java.lang.Cloneable>");
        assertThat(TypeNames.of(method.getGenericReturnType())).isEqualTo("T[]");
        assertThat(TypeNames.of(method.getGenericParameterTypes()[0]))
                .isEqualTo("java.util.Map$Entry<java.lang.String, T>[][]");
    }

    @Test
    void nestedClassesUseBinaryNames() throws Exception {
        assertThat(TypeNames.of(sample("nested").getGenericReturnType())).isEqualTo("java.lang.Thread$State");
    }

    @Test
    void unboundedTypeParameterHasNoBound() {
        assertThat(TypeNames.typeParameters(List.class.getTypeParameters())).isEqualTo("<E>");
    }

    private static Method sample(String name) {
        for (Method method : Samples.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
