package io.tributary.connect.rest.extensions;

import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.Configuration;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * What {@code ConnectRestExtensionContext.configurable()} hands an extension: the main REST application, into which
 * it registers its filters, resources and providers. As in Kafka Connect, a component that is registered already
 * (the worker's own, or one an earlier extension registered) is skipped with a warning instead of replacing it.
 */
final class ExtensionConfigurable implements Configurable<ResourceConfig> {

    private static final Logger log = LoggerFactory.getLogger(ExtensionConfigurable.class);

    private final ResourceConfig application;

    ExtensionConfigurable(ResourceConfig application) {
        this.application = application;
    }

    @Override
    public Configuration getConfiguration() {
        return application.getConfiguration();
    }

    @Override
    public ResourceConfig property(String name, Object value) {
        return application.property(name, value);
    }

    @Override
    public ResourceConfig register(Class<?> componentClass) {
        if (isNew(componentClass)) {
            application.register(componentClass);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Class<?> componentClass, int priority) {
        if (isNew(componentClass)) {
            application.register(componentClass, priority);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Class<?> componentClass, Class<?>... contracts) {
        if (isNew(componentClass)) {
            application.register(componentClass, contracts);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
        if (isNew(componentClass)) {
            application.register(componentClass, contracts);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Object component) {
        if (isNew(component)) {
            application.register(component);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Object component, int priority) {
        if (isNew(component)) {
            application.register(component, priority);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Object component, Class<?>... contracts) {
        if (isNew(component)) {
            application.register(component, contracts);
        }
        return application;
    }

    @Override
    public ResourceConfig register(Object component, Map<Class<?>, Integer> contracts) {
        if (isNew(component)) {
            application.register(component, contracts);
        }
        return application;
    }

    private boolean isNew(Class<?> componentClass) {
        return warnIfRegistered(application.isRegistered(componentClass), componentClass);
    }

    private boolean isNew(Object component) {
        return warnIfRegistered(application.isRegistered(component), component);
    }

    private static boolean warnIfRegistered(boolean registered, Object component) {
        if (registered) {
            log.warn("A REST extension registered {} again; it is registered already, so the second registration "
                    + "is ignored", component);
        }
        return !registered;
    }
}
