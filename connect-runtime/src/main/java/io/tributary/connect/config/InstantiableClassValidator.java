package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a class only if an instance can be made through its public no-argument constructor. */
public final class InstantiableClassValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        Class<?> cls = (Class<?>) value;
        Object instance;
        try {
            instance = cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ConfigException(name, cls.getName(), "the class could not be instantiated: " + e);
        }
        // The instance only proved the class usable; release anything it may hold.
        if (instance instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing a never-configured probe instance is best effort.
            }
        }
    }

    @Override
    public String toString() {
        return "A class with a public, no-argument constructor";
    }
}
