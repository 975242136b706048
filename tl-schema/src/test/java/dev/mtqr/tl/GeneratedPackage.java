package dev.mtqr.tl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generated package as the tests see it: its records, its boxed types, the registry that decodes any of its
 * records (for {@code mtproto}, together with {@code api}, whose values {@code Object} fields carry) and the
 * candidates for random {@code TlMethod<X>} and {@code Object} components.
 */
record GeneratedPackage(String name, TlRegistry registry, List<Class<?>> records, List<Class<?>> boxedTypes,
        RandomTlValues.Candidates candidates) {
    private static final Map<Class<?>, Method> READ = new ConcurrentHashMap<>();

    static final GeneratedPackage API = load("dev.mtqr.tl.api", dev.mtqr.tl.api.SchemaRegistry.INSTANCE);
    static final GeneratedPackage MTPROTO = load("dev.mtqr.tl.mtproto",
            TlRegistry.of(dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE, dev.mtqr.tl.api.SchemaRegistry.INSTANCE),
            API.candidates);
    static final GeneratedPackage LAYER144 = load("dev.mtqr.tl.compat.layer144",
            dev.mtqr.tl.compat.layer144.SchemaRegistry.INSTANCE);
    static final GeneratedPackage LAYER198 = load("dev.mtqr.tl.compat.layer198",
            dev.mtqr.tl.compat.layer198.SchemaRegistry.INSTANCE);
    static final List<GeneratedPackage> ALL = List.of(API, MTPROTO, LAYER144, LAYER198);

    private static GeneratedPackage load(String name, TlRegistry registry) {
        return load(name, registry, null);
    }

    private static GeneratedPackage load(String name, TlRegistry registry, RandomTlValues.Candidates extra) {
        List<Class<?>> classes = RandomTlValues.generatedClasses(name, GeneratedPackage.class.getClassLoader());
        List<Class<?>> records = classes.stream().filter(RandomTlValues::isRecord).toList();
        List<Class<?>> boxed = classes.stream().filter(RandomTlValues::isBoxedType).toList();
        RandomTlValues.Candidates candidates = RandomTlValues.Candidates.of(classes);
        return new GeneratedPackage(name, registry, records, boxed, extra == null ? candidates : candidates.plus(extra));
    }

    @Override
    public String toString() {
        return name;
    }

    /** A random instance of {@code record}. */
    TlObject random(Class<?> record, Random random, int maxDepth) {
        return RandomTlValues.randomInstance(record.asSubclass(TlObject.class), random, candidates, maxDepth);
    }

    /** The boxed form, written into a buffer larger than needed, so that the size is what was written. */
    static byte[] encode(TlObject value) {
        byte[] out = new byte[value.serializedSize() + 64];
        TlWriter writer = TlWriter.wrap(out);
        value.write(writer);
        return java.util.Arrays.copyOf(out, writer.position());
    }

    /** The constructor id, then the registry's {@code readBare}, then the end of the input. */
    TlObject decode(byte[] bytes) {
        TlReader in = TlReader.of(bytes, registry);
        int id = in.readInt();
        TlObject value = registry.readBare(id, in);
        if (value == null) {
            throw TlDecodeException.unknownConstructor(name, id);
        }
        in.expectEnd();
        return value;
    }

    /** {@code boxed.read(in)}, the generated static method of a sealed interface. */
    static TlObject readBoxed(Class<?> boxed, TlReader in) {
        Method read = READ.computeIfAbsent(boxed, type -> {
            try {
                return type.getMethod("read", TlReader.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no static read(TlReader)", e);
            }
        });
        try {
            return (TlObject) read.invoke(null, in);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generated {@code CONSTRUCTOR_ID} of a record. */
    static int constructorId(Class<?> record) {
        try {
            Field field = record.getField("CONSTRUCTOR_ID");
            return field.getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName() + " has no CONSTRUCTOR_ID", e);
        }
    }

    /** The sealed interfaces {@code record} implements directly. */
    static List<Class<?>> boxedTypesOf(Class<?> record) {
        return java.util.Arrays.stream(record.getInterfaces()).filter(RandomTlValues::isBoxedType).toList();
    }
}
