package dev.mtqr.tl.codegen.java;

import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.codegen.InMemoryCompiler;
import dev.mtqr.tl.codegen.schema.SchemaParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A package generated from inline schema text and compiled, with reflective helpers to use its classes. */
final class Compiled {
    static final String PKG = "gen.test";
    final List<String> warnings = new ArrayList<>();
    final ClassLoader loader;

    Compiled(String schema, Path dir) {
        var files = JavaGenerator.generate(List.of(SchemaParser.parse("inline.tl", schema)), PKG, warnings::add);
        loader = InMemoryCompiler.compile(files, dir);
    }

    Class<?> type(String simpleName) {
        try {
            return loader.loadClass(PKG + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not generated: " + simpleName, e);
        }
    }

    /** A new record {@code simpleName} from its components in order. */
    TlObject create(String simpleName, Object... components) {
        Class<?> type = type(simpleName);
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return (TlObject) reflectively(() -> type.getDeclaredConstructor(types).newInstance(components));
    }

    Object call(Object target, String method, Object... args) {
        for (var m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return reflectively(() -> m.invoke(target, args));
            }
        }
        throw new AssertionError("no method " + method);
    }

    /** Reads a boxed value with the package's registry. */
    TlObject decode(byte[] bytes) {
        try {
            TlRegistry registry = (TlRegistry) type("SchemaRegistry").getField("INSTANCE").get(null);
            TlReader in = TlReader.of(bytes, registry);
            TlObject value = in.readObject();
            in.expectEnd();
            return value;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls the static {@code read} of a boxed type's interface. */
    Object readBoxed(String interfaceName, byte[] bytes) {
        return reflectively(() -> type(interfaceName).getMethod("read", TlReader.class).invoke(null, TlReader.of(bytes)));
    }

    interface Reflective {
        Object run() throws ReflectiveOperationException;
    }

    /** Runs a reflective call, rethrowing what the called code threw as itself. */
    private static Object reflectively(Reflective call) {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
