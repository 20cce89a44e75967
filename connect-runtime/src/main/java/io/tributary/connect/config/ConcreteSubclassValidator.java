package io.tributary.connect.config;

import java.lang.reflect.Modifier;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a class that extends or implements the expected type and can have instances (not abstract). */
public final class ConcreteSubclassValidator implements ConfigDef.Validator {

    private final Class<?> expected;

    private ConcreteSubclassValidator(Class<?> expected) {
        this.expected = expected;
    }

    public static ConcreteSubclassValidator forSuperClass(Class<?> expected) {
        return new ConcreteSubclassValidator(expected);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        Class<?> cls = (Class<?>) value;
        if (!expected.isAssignableFrom(cls)) {
            throw new ConfigException(name, cls.getName(), "the class is not a " + expected.getName());
        }
        if (cls.isInterface() || Modifier.isAbstract(cls.getModifiers())) {
            throw new ConfigException(name, cls.getName(), "the class is abstract and cannot be instantiated");
        }
    }

    @Override
    public String toString() {
        return "A concrete subclass of " + expected.getName();
    }
}
