package io.tributary.connect.apicheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads the API of one class by reflection: everything a connector compiled against it could
 * link to. Synthetic and bridge members, private and package-private members, and the
 * compiler-generated {@code values()}/{@code valueOf(String)} of enums are left out.
 */
final class ClassApiReader {

    private ClassApiReader() {
    }

    /** Public classes, and protected nested classes, are part of the API. */
    static boolean isApiVisible(Class<?> type) {
        int modifiers = type.getModifiers();
        return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass()
                && (Modifier.isPublic(modifiers) || (type.isMemberClass() && Modifier.isProtected(modifiers)));
    }

    static ClassApi read(Class<?> type) {
        List<ApiMember> members = new ArrayList<>();
        members.add(new ApiMember(MemberKey.DECLARATION, declaration(type)));
        addEnumConstants(type, members);
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                members.add(constructor(type, constructor));
            }
        }
        // Public members inherited from a non-API superclass are callable through this class,
        // so they count as its API. Members declared in the class itself win over inherited ones.
        for (Class<?> source = type; source != null; source = source.getSuperclass()) {
            if (source != type && isApiVisible(source)) {
                break;
            }
            addFields(source, members);
            addMethods(type, source, members);
        }
        return ClassApi.of(type.getName(), members);
    }

    private static String declaration(Class<?> type) {
        StringJoiner text = new StringJoiner(" ");
        visibility(type.getModifiers(), text);
        boolean plainClass = !type.isInterface() && !type.isEnum();
        if (plainClass && Modifier.isAbstract(type.getModifiers())) {
            text.add("abstract");
        }
        if (type.isMemberClass() && Modifier.isStatic(type.getModifiers())) {
            text.add("static");
        }
        if (plainClass && Modifier.isFinal(type.getModifiers())) {
            text.add("final");
        }
        text.add(kind(type));
        text.add(type.getName() + TypeNames.typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !type.isInterface()) {
            text.add("extends").add(TypeNames.of(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.add(type.isInterface() ? "extends" : "implements").add(TypeNames.sortedList(interfaces));
        }
        return text.toString();
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return type.isRecord() ? "record" : "class";
    }

    private static void addEnumConstants(Class<?> type, List<ApiMember> members) {
        if (!type.isEnum()) {
            return;
        }
        for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            members.add(new ApiMember(MemberKind.ENUM_CONSTANT, value.name(),
                    value.name() + " (ordinal " + value.ordinal() + ")"));
        }
    }

    private static void addFields(Class<?> source, List<ApiMember> members) {
        for (Field field : source.getDeclaredFields()) {
            if (isVisible(field.getModifiers()) && !field.isSynthetic() && !field.isEnumConstant()) {
                members.add(field(field));
            }
        }
    }

    private static void addMethods(Class<?> type, Class<?> source, List<ApiMember> members) {
        for (Method method : source.getDeclaredMethods()) {
            if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                    && !isGeneratedEnumMethod(type, method)) {
                members.add(method(method));
            }
        }
    }

    private static ApiMember field(Field field) {
        StringJoiner text = new StringJoiner(" ");
        int modifiers = field.getModifiers();
        visibility(modifiers, text);
        if (Modifier.isStatic(modifiers)) {
            text.add("static");
        }
        if (Modifier.isFinal(modifiers)) {
            text.add("final");
        }
        text.add(TypeNames.of(field.getGenericType())).add(field.getName());
        if (ConstantValues.isConstant(field)) {
            text.add("=").add(ConstantValues.read(field));
        }
        return new ApiMember(MemberKind.FIELD, field.getName(), text.toString());
    }

    private static ApiMember constructor(Class<?> type, Constructor<?> constructor) {
        StringJoiner text = new StringJoiner(" ");
        visibility(constructor.getModifiers(), text);
        String typeParameters = TypeNames.typeParameters(constructor.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            text.add(typeParameters);
        }
        text.add(type.getName() + "(" + parameters(constructor) + ")" + exceptions(constructor));
        String id = "<init>(" + TypeNames.list(constructor.getParameterTypes()) + ")";
        return new ApiMember(MemberKind.CONSTRUCTOR, id, text.toString());
    }

    private static ApiMember method(Method method) {
        StringJoiner text = new StringJoiner(" ");
        int modifiers = method.getModifiers();
        visibility(modifiers, text);
        if (Modifier.isAbstract(modifiers)) {
            text.add("abstract");
        }
        if (method.isDefault()) {
            text.add("default");
        }
        if (Modifier.isStatic(modifiers)) {
            text.add("static");
        }
        if (Modifier.isFinal(modifiers)) {
            text.add("final");
        }
        String typeParameters = TypeNames.typeParameters(method.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            text.add(typeParameters);
        }
        text.add(TypeNames.of(method.getGenericReturnType()));
        text.add(method.getName() + "(" + parameters(method) + ")" + exceptions(method));
        String id = method.getName() + "(" + TypeNames.list(method.getParameterTypes()) + ")";
        return new ApiMember(MemberKind.METHOD, id, text.toString());
    }

    /** Generic parameter types, with a trailing array shown as {@code ...} for varargs. */
    private static String parameters(Executable executable) {
        Type[] generic = executable.getGenericParameterTypes();
        // Reflection omits implicit parameters (e.g. an inner class's outer instance) from the
        // generic view only; fall back to the erased view so both sides are rendered alike.
        Type[] types = generic.length == executable.getParameterCount()
                ? generic : executable.getParameterTypes();
        String rendered = TypeNames.list(types);
        if (executable.isVarArgs() && rendered.endsWith("[]")) {
            rendered = rendered.substring(0, rendered.length() - 2) + "...";
        }
        return rendered;
    }

    private static String exceptions(Executable executable) {
        Type[] exceptions = executable.getGenericExceptionTypes();
        return exceptions.length == 0 ? "" : " throws " + TypeNames.sortedList(exceptions);
    }

    private static boolean isGeneratedEnumMethod(Class<?> type, Method method) {
        if (!type.isEnum() || !Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        Class<?>[] parameters = method.getParameterTypes();
        return (method.getName().equals("values") && parameters.length == 0)
                || (method.getName().equals("valueOf") && parameters.length == 1
                        && parameters[0] == String.class);
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void visibility(int modifiers, StringJoiner text) {
        if (Modifier.isPublic(modifiers)) {
            text.add("public");
        } else if (Modifier.isProtected(modifiers)) {
            text.add("protected");
        }
    }
}
