package dev.mtqr.testkit.layer;

import dev.mtqr.tl.TlObject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves API objects between the generated packages of two layers by constructor and component names: an object
 * becomes the record of the same name in the other package, each component is taken from the component of the
 * same name (converted in turn, lists element by element), a component the source lacks or whose value does not
 * fit gets its empty value, and a source component the target lacks is dropped. A constructor the target layer
 * does not define becomes null (and is left out of lists). Good enough for a test server; values outside the API
 * packages (MTProto records, strings, numbers) pass unchanged.
 *
 * <pre>{@code
 * Object forTelethon = LayerConverter.toLayer(config, ApiLayer.LAYER_144); // a compat.layer144.Config, config#330b4067
 * }</pre>
 */
public final class LayerConverter {
    private static final String API_PACKAGES = "dev.mtqr.tl.";
    private static final Map<String, Optional<Class<?>>> CLASSES = new ConcurrentHashMap<>();

    private LayerConverter() {
    }

    /** {@code value} (latest-layer objects, or lists of them) as {@code layer}'s records. */
    public static Object toLayer(Object value, ApiLayer layer) {
        return layer == ApiLayer.LATEST ? value : convert(value, layer.packageName());
    }

    /** {@code value}, decoded with an older layer's records, as latest-layer records. */
    public static Object toLatest(Object value) {
        return convert(value, ApiLayer.LATEST.packageName());
    }

    static Object convert(Object value, String targetPackage) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                Object converted = convert(element, targetPackage);
                if (converted != null) {
                    out.add(converted);
                }
            }
            return out;
        }
        if (!(value instanceof Record record) || !(value instanceof TlObject) || !isApiPackage(value.getClass())) {
            return value;
        }
        Class<?> target = counterpart(value.getClass(), targetPackage);
        if (target == null) {
            return null;
        }
        if (target == value.getClass() && !hasApiComponents(record)) {
            return value;
        }
        RecordComponent[] components = target.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object source = component(record, components[i].getName());
            args[i] = fit(source, components[i].getGenericType(), components[i].getType(), targetPackage);
        }
        return RecordAssembler.construct(target, components, args);
    }

    private static Object fit(Object source, Type genericType, Class<?> type, String targetPackage) {
        if (source == null) {
            return RecordAssembler.emptyOptional(type);
        }
        if (source instanceof List<?> list && type == List.class) {
            Class<?> element = elementType(genericType);
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object converted = convert(item, targetPackage);
                if (converted != null && box(element).isInstance(converted)) {
                    out.add(converted);
                }
            }
            return out;
        }
        Object converted = convert(source, targetPackage);
        return converted != null && box(type).isInstance(converted) ? converted : RecordAssembler.emptyOptional(type);
    }

    private static boolean hasApiComponents(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == List.class || TlObject.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApiPackage(Class<?> type) {
        String name = type.getPackageName();
        return name.startsWith(API_PACKAGES) && !name.equals("dev.mtqr.tl.mtproto");
    }

    private static Class<?> counterpart(Class<?> source, String targetPackage) {
        String name = targetPackage + "." + source.getSimpleName();
        return CLASSES.computeIfAbsent(name, n -> {
            try {
                Class<?> found = Class.forName(n, true, source.getClassLoader());
                return found.isRecord() ? Optional.of(found) : Optional.empty();
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static Object component(Record record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + name, e);
                }
            }
        }
        return null;
    }

    private static Class<?> elementType(Type listType) {
        if (listType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class
                : type == boolean.class ? Boolean.class : type == double.class ? Double.class : type;
    }
}
