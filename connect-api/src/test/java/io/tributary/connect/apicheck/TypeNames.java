package io.tributary.connect.apicheck;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Renders reflected types by name only (never by Class identity), in javap's style:
 * binary names for nested classes, generic arguments separated by ", ".
 */
final class TypeNames {

    private TypeNames() {
    }

    static String of(Type type) {
        if (type instanceof Class<?> cls) {
            return cls.isArray() ? of(cls.getComponentType()) + "[]" : cls.getName();
        }
        if (type instanceof ParameterizedType parameterized) {
            return parameterized(parameterized);
        }
        if (type instanceof TypeVariable<?> variable) {
            return variable.getName();
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard(wildcard);
        }
        if (type instanceof GenericArrayType array) {
            return of(array.getGenericComponentType()) + "[]";
        }
        throw new IllegalArgumentException("Unsupported type " + type);
    }

    static String list(Type[] types) {
        return Arrays.stream(types).map(TypeNames::of).collect(Collectors.joining(", "));
    }

    /** Type names sorted, for clauses whose order carries no meaning (throws, implements). */
    static String sortedList(Type[] types) {
        return Arrays.stream(types).map(TypeNames::of).sorted().collect(Collectors.joining(", "));
    }

    /** A type parameter declaration such as {@code <K, V extends java.lang.Comparable<V>>}. */
    static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(TypeNames::typeParameter)
                .collect(Collectors.joining(", ", "<", ">"));
    }

    private static String typeParameter(TypeVariable<?> variable) {
        Type[] bounds = variable.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return variable.getName();
        }
        return variable.getName() + " extends " + Arrays.stream(bounds).map(TypeNames::of)
                .collect(Collectors.joining(" & "));
    }

    private static String parameterized(ParameterizedType type) {
        Class<?> raw = (Class<?>) type.getRawType();
        String base = type.getOwnerType() instanceof ParameterizedType owner
                ? of(owner) + "$" + raw.getSimpleName()
                : raw.getName();
        return base + "<" + list(type.getActualTypeArguments()) + ">";
    }

    private static String wildcard(WildcardType wildcard) {
        if (wildcard.getLowerBounds().length > 0) {
            return "? super " + of(wildcard.getLowerBounds()[0]);
        }
        Type[] upper = wildcard.getUpperBounds();
        if (upper.length == 0 || upper[0] == Object.class) {
            return "?";
        }
        return "? extends " + of(upper[0]);
    }
}
