package dev.mtqr.testkit.layer;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a generated TL record from values by component name, as a test server needs when it answers in an older
 * layer or fills a constructor with fifty fields of which a test cares about three. A component without a value
 * gets its empty value: {@code false}, 0, null for an optional field, and for a required one (whose null the
 * record's constructor refuses) "", an empty byte array or an empty list.
 *
 * <pre>{@code
 * User user = RecordAssembler.build(User.class, Map.of("id", 42L, "self", true, "firstName", "Ada"));
 * }</pre>
 */
public final class RecordAssembler {
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private RecordAssembler() {
    }

    /** A {@code type} record whose components take their values from {@code values} by name. */
    public static <R extends Record> R build(Class<R> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, ?> unknown = new HashMap<>(values);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            unknown.remove(components[i].getName());
            Object value = values.get(components[i].getName());
            args[i] = value != null ? value : emptyOptional(components[i].getType());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no components " + unknown.keySet());
        }
        return type.cast(construct(type, components, args));
    }

    /** Calls the canonical constructor, replacing a null the record refuses with the component's empty value. */
    static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, t -> canonical(t, components));
        for (int attempt = 0; attempt <= components.length; attempt++) {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof NullPointerException npe) || !fillRefusedNull(components, args, npe)) {
                    throw new IllegalArgumentException("cannot build " + type.getName() + ": " + e.getCause(),
                            e.getCause());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call the constructor of " + type.getName(), e);
            }
        }
        throw new IllegalStateException("cannot build " + type.getName());
    }

    /** Generated constructors check with {@code Objects.requireNonNull(value, "componentName")}. */
    private static boolean fillRefusedNull(RecordComponent[] components, Object[] args, NullPointerException npe) {
        for (int i = 0; i < components.length; i++) {
            if (args[i] == null && components[i].getName().equals(npe.getMessage())) {
                args[i] = emptyRequired(components[i].getType());
                return args[i] != null;
            }
        }
        return false;
    }

    /** The value of an absent component: what a cleared flag decodes to. */
    static Object emptyOptional(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static Object emptyRequired(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (type == byte[].class) {
            return new byte[0];
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }

    private static Constructor<?> canonical(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }
}
