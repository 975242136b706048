package dev.mtqr.tl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Random valid instances of generated TL records, built by reflection over record components, for property tests
 * ({@code decode(encode(x)).equals(x)} over every record of a package).
 *
 * <p>Which reference components are optional is found by trying the canonical constructor: a required component
 * is null-checked ({@link NullPointerException}); value fields sharing a flag bit must be all set or all null
 * ({@link IllegalArgumentException}). Nesting is cut at a depth limit, past which the generator takes the
 * constructor with the fewest components, leaves optional components null and lists empty.
 *
 * <pre>{@code
 * Candidates api = Candidates.of(RandomTlValues.generatedClasses("dev.mtqr.tl.api", loader));
 * UserType user = RandomTlValues.randomInstance(UserType.class, new Random(42), api);
 * }</pre>
 */
public final class RandomTlValues {
    /** How deeply values nest before the generator starts choosing the smallest constructors. */
    public static final int DEFAULT_MAX_DEPTH = 3;

    /** Past the depth limit by this much, the types cannot be made finite: a bug in the schema or here. */
    private static final int HARD_DEPTH = 40;

    private static final Map<Class<?>, boolean[]> OPTIONAL = new ConcurrentHashMap<>();
    private static final Map<String, Candidates> PACKAGE_CANDIDATES = new ConcurrentHashMap<>();

    private RandomTlValues() {
    }

    /**
     * What {@code TlMethod<X>} and {@code Object} components are filled with: the non-generic function records
     * and the constructor records of one or more generated packages.
     */
    public record Candidates(List<Class<?>> functions, List<Class<?>> constructors) {
        public Candidates {
            functions = List.copyOf(functions);
            constructors = List.copyOf(constructors);
        }

        /** The non-generic functions and the constructors among {@code classes}. */
        public static Candidates of(Collection<Class<?>> classes) {
            List<Class<?>> functions = new ArrayList<>();
            List<Class<?>> constructors = new ArrayList<>();
            for (Class<?> c : classes) {
                if (isFunction(c) && c.getTypeParameters().length == 0) {
                    functions.add(c);
                } else if (isConstructor(c)) {
                    constructors.add(c);
                }
            }
            return new Candidates(functions, constructors);
        }

        /** The candidates of a generated package, found on {@code loader}'s class path. */
        public static Candidates ofPackage(String packageName, ClassLoader loader) {
            return of(generatedClasses(packageName, loader));
        }

        /** These candidates and {@code other}'s. */
        public Candidates plus(Candidates other) {
            List<Class<?>> f = new ArrayList<>(functions);
            f.addAll(other.functions);
            List<Class<?>> c = new ArrayList<>(constructors);
            c.addAll(other.constructors);
            return new Candidates(f, c);
        }
    }

    /** A random instance of {@code type}, with candidates for generic fields taken from {@code type}'s package. */
    public static <T extends TlObject> T randomInstance(Class<T> type, Random random) {
        Candidates candidates = PACKAGE_CANDIDATES.computeIfAbsent(type.getPackageName(),
                name -> Candidates.ofPackage(name, type.getClassLoader()));
        return randomInstance(type, random, candidates);
    }

    /** A random instance of {@code type} (a generated record or sealed interface). */
    public static <T extends TlObject> T randomInstance(Class<T> type, Random random, Candidates candidates) {
        return randomInstance(type, random, candidates, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #randomInstance(Class, Random, Candidates)}, nesting full values no deeper than {@code maxDepth}. */
    public static <T extends TlObject> T randomInstance(Class<T> type, Random random, Candidates candidates,
            int maxDepth) {
        return type.cast(new Generator(random, candidates, maxDepth).value(type, 0));
    }

    /** A record, generated or not. */
    public static boolean isRecord(Class<?> c) {
        return c.isRecord();
    }

    /** A generated function: a record that implements {@link TlMethod}. */
    public static boolean isFunction(Class<?> c) {
        return c.isRecord() && TlMethod.class.isAssignableFrom(c);
    }

    /** A generated constructor: a record that implements {@link TlObject} and is not a function. */
    public static boolean isConstructor(Class<?> c) {
        return c.isRecord() && TlObject.class.isAssignableFrom(c) && !TlMethod.class.isAssignableFrom(c);
    }

    /** A generated boxed type: a sealed interface extending {@link TlObject}. */
    public static boolean isBoxedType(Class<?> c) {
        return c.isInterface() && c.isSealed() && TlObject.class.isAssignableFrom(c);
    }

    /**
     * The top-level classes of {@code packageName} (not of its subpackages), sorted by name, found by listing the
     * class-path directory or jar the package comes from.
     */
    public static List<Class<?>> generatedClasses(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    File[] files = new File(url.toURI()).listFiles();
                    for (File file : files == null ? new File[0] : files) {
                        addClassName(names, packageName, file.getName());
                    }
                } else if (url.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                            String name = entry.getName();
                            if (name.startsWith(path + "/") && name.indexOf('/', path.length() + 1) < 0) {
                                addClassName(names, packageName, name.substring(path.length() + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static void addClassName(Collection<String> names, String packageName, String fileName) {
        if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")) {
            names.add(packageName + "." + fileName.substring(0, fileName.length() - ".class".length()));
        }
    }

    /** Whether each component of {@code record} may be null (primitives never). */
    static boolean[] optionalComponents(Class<?> record, Generator generator) {
        boolean[] known = OPTIONAL.get(record);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = record.getRecordComponents();
        Object[] full = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            full[i] = generator.value(components[i].getGenericType(), generator.maxDepth + 1);
        }
        construct(record, full);
        boolean[] optional = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            Object[] args = full.clone();
            args[i] = null;
            try {
                construct(record, args);
                optional[i] = true;
            } catch (NullPointerException e) {
                optional[i] = false;
            } catch (IllegalArgumentException e) {
                optional[i] = true;
            }
        }
        OPTIONAL.put(record, optional);
        return optional;
    }

    private static Object construct(Class<?> record, Object[] args) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + record.getName(), e);
        }
    }

    /** One generation run: a source of randomness, the candidates, the depth limit. */
    static final class Generator {
        private final Random random;
        private final Candidates candidates;
        private final int maxDepth;

        Generator(Random random, Candidates candidates, int maxDepth) {
            this.random = random;
            this.candidates = candidates;
            this.maxDepth = maxDepth;
        }

        Object value(Type type, int depth) {
            if (depth > maxDepth + HARD_DEPTH) {
                throw new IllegalStateException("no finite value of " + type + " within the depth limit");
            }
            if (type instanceof Class<?> c) {
                return valueOfClass(c, depth);
            }
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                if (raw == List.class) {
                    Type element = p.getActualTypeArguments()[0];
                    int size = depth >= maxDepth ? 0 : random.nextInt(4);
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(value(element, depth + 1));
                    }
                    return list;
                }
                if (raw == TlMethod.class) {
                    return function(depth);
                }
                return valueOfClass(raw, depth);
            }
            if (type instanceof GenericArrayType a && a.getGenericComponentType() == byte.class) {
                return bytes();
            }
            if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
                return constructorObject(depth);
            }
            throw new IllegalArgumentException("no random values of " + type);
        }

        private Object valueOfClass(Class<?> c, int depth) {
            if (c == int.class || c == Integer.class) {
                return anInt();
            }
            if (c == long.class || c == Long.class) {
                return aLong();
            }
            if (c == double.class || c == Double.class) {
                return aDouble();
            }
            if (c == boolean.class || c == Boolean.class) {
                return random.nextBoolean();
            }
            if (c == String.class) {
                return string();
            }
            if (c == byte[].class) {
                return bytes();
            }
            if (c == Int128.class) {
                return new Int128(aLong(), aLong());
            }
            if (c == Int256.class) {
                return new Int256(aLong(), aLong(), aLong(), aLong());
            }
            if (c == TlMethod.class) {
                return function(depth);
            }
            if (c == TlObject.class) {
                return constructorObject(depth);
            }
            if (c.isRecord()) {
                return record(c, depth);
            }
            if (isBoxedType(c)) {
                return record(pick(List.of(c.getPermittedSubclasses()), depth), depth);
            }
            throw new IllegalArgumentException("no random values of " + c.getName());
        }

        private Object function(int depth) {
            if (candidates.functions().isEmpty()) {
                throw new IllegalStateException("a TlMethod component needs candidate functions");
            }
            return record(pick(candidates.functions(), depth), depth);
        }

        private Object constructorObject(int depth) {
            if (candidates.constructors().isEmpty()) {
                throw new IllegalStateException("an Object component needs candidate constructors");
            }
            return record(pick(candidates.constructors(), depth), depth);
        }

        /** A random class, or past the depth limit one with the fewest components (the first, among equals). */
        private Class<?> pick(List<Class<?>> classes, int depth) {
            if (depth < maxDepth) {
                return classes.get(random.nextInt(classes.size()));
            }
            return classes.stream().min(Comparator.comparingInt((Class<?> c) -> c.getRecordComponents().length)
                    .thenComparing(Class::getName)).orElseThrow();
        }

        private Object record(Class<?> record, int depth) {
            RecordComponent[] components = record.getRecordComponents();
            boolean[] optional = optionalComponents(record, this);
            boolean small = depth >= maxDepth;
            Object[] args = new Object[components.length];
            boolean[] present = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                present[i] = !optional[i] || (!small && random.nextInt(3) != 0);
                args[i] = present[i] ? value(components[i].getGenericType(), depth + 1) : null;
            }
            try {
                return construct(record, args);
            } catch (IllegalArgumentException sharedFlagBit) {
                boolean all = !small && random.nextBoolean();
                for (int i = 0; i < components.length; i++) {
                    if (optional[i]) {
                        args[i] = all ? (present[i] ? args[i] : value(components[i].getGenericType(), depth + 1)) : null;
                    }
                }
                return construct(record, args);
            }
        }

        private int anInt() {
            return switch (random.nextInt(12)) {
                case 0 -> 0;
                case 1 -> -1;
                case 2 -> Integer.MIN_VALUE;
                case 3 -> Integer.MAX_VALUE;
                case 4 -> random.nextInt(256);
                default -> random.nextInt();
            };
        }

        private long aLong() {
            return switch (random.nextInt(12)) {
                case 0 -> 0L;
                case 1 -> -1L;
                case 2 -> Long.MIN_VALUE;
                case 3 -> Long.MAX_VALUE;
                case 4 -> random.nextInt(256);
                default -> random.nextLong();
            };
        }

        private double aDouble() {
            return switch (random.nextInt(12)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> -1.0;
                case 3 -> Double.MAX_VALUE;
                case 4 -> -Double.MIN_VALUE;
                case 5 -> Double.MIN_NORMAL;
                default -> {
                    double d;
                    do {
                        d = Double.longBitsToDouble(random.nextLong());
                    } while (!Double.isFinite(d));
                    yield d;
                }
            };
        }

        /** Mostly short; sometimes up to 300 chars, or ASCII of 250..258 chars across the 253/254 length form. */
        private String string() {
            int kind = random.nextInt(10);
            if (kind == 0) {
                StringBuilder ascii = new StringBuilder();
                int length = 250 + random.nextInt(9);
                for (int i = 0; i < length; i++) {
                    ascii.append((char) (0x20 + random.nextInt(0x5f)));
                }
                return ascii.toString();
            }
            int length = kind <= 2 ? random.nextInt(301) : random.nextInt(12);
            boolean asciiOnly = random.nextBoolean();
            StringBuilder out = new StringBuilder();
            while (out.length() < length) {
                out.appendCodePoint(asciiOnly ? random.nextInt(0x80) : codePoint());
            }
            return out.toString();
        }

        /** Any Unicode scalar value, weighted towards each UTF-8 length in turn (1, 2, 3 and 4 bytes). */
        private int codePoint() {
            while (true) {
                int cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                    case 2 -> 0x800 + random.nextInt(0x10000 - 0x800);
                    default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                };
                if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                    return cp;
                }
            }
        }

        /** Mostly short; sometimes 253..256 bytes (across the length form), sometimes up to 600. */
        private byte[] bytes() {
            int kind = random.nextInt(10);
            int length = switch (kind) {
                case 0 -> 253 + random.nextInt(4);
                case 1 -> random.nextInt(601);
                default -> random.nextInt(17);
            };
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
