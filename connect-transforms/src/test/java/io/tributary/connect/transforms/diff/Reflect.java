package io.tributary.connect.transforms.diff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls methods by name on objects of either world, picking the overload whose parameters fit. */
final class Reflect {

    private Reflect() {
    }

    static Object call(Object target, String name, Object... args) {
        return invoke(target.getClass(), target, name, args);
    }

    static Object callStatic(Class<?> type, String name, Object... args) {
        return invoke(type, null, name, args);
    }

    private static Object invoke(Class<?> type, Object target, String name, Object[] args) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && fits(method.getParameterTypes(), args)) {
                try {
                    method.setAccessible(true);
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw sneaky(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("No method " + name + " on " + type.getName() + " for the given arguments");
    }

    private static boolean fits(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !box(parameters[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            case "short" -> Short.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> Character.class;
        };
    }

    /** Rethrows what the called method threw, unchanged, so callers see the original exception. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
