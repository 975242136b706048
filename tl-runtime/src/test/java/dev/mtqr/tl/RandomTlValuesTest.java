package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The random-instance generator against hand-written records shaped like generated ones. */
class RandomTlValuesTest {
    private static final RandomTlValues.Candidates CANDIDATES =
            RandomTlValues.Candidates.of(List.of(Leaf.class, Node.class, Shared.class, Get.class, Wrap.class, Holder.class));

    /** Serialization is not what these fixtures are for. */
    interface Fixture extends TlObject {
        @Override
        default int constructorId() {
            return 0;
        }

        @Override
        default String tlName() {
            return getClass().getSimpleName();
        }

        @Override
        default void writeBare(TlWriter out) {
            throw new UnsupportedOperationException();
        }

        @Override
        default int bareSize() {
            throw new UnsupportedOperationException();
        }
    }

    sealed interface Tree extends Fixture permits Leaf, Node, Shared {
    }

    record Leaf() implements Tree {
    }

    record Node(long id, String name, byte[] data, Integer count, List<Tree> children, Tree next, Int128 nonce,
            Int256 key, double ratio, boolean flag, List<byte[]> blobs, List<Long> ids) implements Tree {
        Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(children, "children");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(key, "key");
            children = List.copyOf(children);
            blobs = blobs == null ? null : List.copyOf(blobs);
            ids = List.copyOf(ids);
        }
    }

    /** {@code a} and {@code b} share a flag bit, {@code c} has its own. */
    record Shared(Integer a, String b, Long c) implements Tree {
        Shared {
            if ((a == null) != (b == null)) {
                throw new IllegalArgumentException("a, b share flag bit flags.0");
            }
        }
    }

    record Get() implements TlMethod<Leaf>, Fixture {
        @Override
        public Leaf readResult(TlReader in) {
            return new Leaf();
        }
    }

    record Wrap<X>(int layer, TlMethod<X> query) implements TlMethod<X>, Fixture {
        Wrap {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public X readResult(TlReader in) {
            return query.readResult(in);
        }
    }

    record Holder(long id, TlObject body) implements Fixture {
        Holder {
            Objects.requireNonNull(body, "body");
        }
    }

    static int depth(Tree tree) {
        if (tree instanceof Node node) {
            int deepest = node.next() == null ? 0 : depth(node.next());
            for (Tree child : node.children()) {
                deepest = Math.max(deepest, depth(child));
            }
            return 1 + deepest;
        }
        return 1;
    }

    @Test
    void picksEveryPermittedConstructorOfASealedType() {
        Random random = new Random(1);
        Set<Class<?>> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            seen.add(RandomTlValues.randomInstance(Tree.class, random, CANDIDATES).getClass());
        }
        assertEquals(Set.of(Leaf.class, Node.class, Shared.class), seen);
    }

    @Test
    void leavesOptionalComponentsNullSometimesAndNeverRequiredOnes() {
        Random random = new Random(2);
        int nullCounts = 0;
        int nullNexts = 0;
        int nullBlobs = 0;
        int n = 500;
        for (int i = 0; i < n; i++) {
            Node node = RandomTlValues.randomInstance(Node.class, random, CANDIDATES);
            nullCounts += node.count() == null ? 1 : 0;
            nullNexts += node.next() == null ? 1 : 0;
            nullBlobs += node.blobs() == null ? 1 : 0;
        }
        assertTrue(nullCounts > 0 && nullCounts < n, "count null in " + nullCounts + " of " + n);
        assertTrue(nullNexts > 0 && nullNexts < n, "next null in " + nullNexts + " of " + n);
        assertTrue(nullBlobs > 0 && nullBlobs < n, "blobs null in " + nullBlobs + " of " + n);
    }

    @Test
    void setsValuesSharingAFlagBitAllOrNone() {
        Random random = new Random(3);
        int allSet = 0;
        int allNull = 0;
        for (int i = 0; i < 300; i++) {
            Shared shared = RandomTlValues.randomInstance(Shared.class, random, CANDIDATES);
            allSet += shared.a() != null ? 1 : 0;
            allNull += shared.a() == null ? 1 : 0;
        }
        assertTrue(allSet > 0, "a and b never set");
        assertTrue(allNull > 0, "a and b never null");
    }

    @Test
    void nestsNoDeeperThanTheDepthLimit() {
        Random random = new Random(4);
        int deepest = 0;
        for (int i = 0; i < 300; i++) {
            deepest = Math.max(deepest, depth(RandomTlValues.randomInstance(Tree.class, random, CANDIDATES, 4)));
        }
        assertTrue(deepest >= 3, "values should nest, deepest was " + deepest);
        assertTrue(deepest <= 5, "deepest was " + deepest);
    }

    @Test
    void fillsGenericFunctionComponentsWithNonGenericCandidates() {
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            Wrap<?> wrap = RandomTlValues.randomInstance(Wrap.class, random, CANDIDATES);
            assertInstanceOf(Get.class, wrap.query());
        }
    }

    @Test
    void fillsObjectComponentsWithCandidateConstructors() {
        Random random = new Random(6);
        Set<Class<?>> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(RandomTlValues.randomInstance(Holder.class, random, CANDIDATES).body().getClass());
        }
        assertTrue(seen.containsAll(Set.of(Leaf.class, Node.class, Shared.class)), seen.toString());
        assertFalse(seen.contains(Get.class), "functions are not Object constructors");
    }

    @Test
    void refusesAFunctionComponentWithoutCandidates() {
        RandomTlValues.Candidates none = RandomTlValues.Candidates.of(List.of());
        assertThrows(IllegalStateException.class, () -> RandomTlValues.randomInstance(Wrap.class, new Random(7), none));
    }

    @Test
    void makesStringsAcrossTheLengthFormsAndTheWholeOfUnicode() {
        Random random = new Random(8);
        boolean shortForm = false;
        boolean longForm = false;
        boolean supplementary = false;
        boolean twoByte = false;
        for (int i = 0; i < 1000; i++) {
            String name = RandomTlValues.randomInstance(Node.class, random, CANDIDATES, 0).name();
            int utf8 = name.getBytes(StandardCharsets.UTF_8).length;
            assertEquals(name, new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    "well-formed UTF-16");
            shortForm |= utf8 > 200 && utf8 <= 253;
            longForm |= utf8 >= 254;
            supplementary |= name.codePoints().anyMatch(cp -> cp > 0xffff);
            twoByte |= name.chars().anyMatch(c -> c >= 0x80 && c < 0x800);
        }
        assertTrue(shortForm && longForm && supplementary && twoByte,
                "short " + shortForm + ", long " + longForm + ", supplementary " + supplementary + ", two-byte " + twoByte);
    }

    @Test
    void makesByteArraysAcrossTheLengthForms() {
        Random random = new Random(9);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            lengths.add(RandomTlValues.randomInstance(Node.class, random, CANDIDATES, 0).data().length);
        }
        assertTrue(lengths.containsAll(Set.of(0, 253, 254, 255)), lengths.toString());
        assertTrue(lengths.stream().anyMatch(n -> n > 300), lengths.toString());
    }

    @Test
    void listsTheClassesOfAPackageFromADirectory() {
        List<Class<?>> classes = RandomTlValues.generatedClasses("dev.mtqr.tl", getClass().getClassLoader());
        assertTrue(classes.contains(TlReader.class), classes.toString());
        assertTrue(classes.contains(RandomTlValues.class), "test classes are listed too");
        assertFalse(classes.contains(Leaf.class), "nested classes are not listed");
    }

    @Test
    void listsTheClassesOfAPackageFromAJar() {
        List<Class<?>> classes = RandomTlValues.generatedClasses("org.junit.jupiter.api", getClass().getClassLoader());
        assertTrue(classes.contains(Test.class), classes.toString());
        assertTrue(RandomTlValues.generatedClasses("org.junit.jupiter", getClass().getClassLoader()).stream()
                .noneMatch(c -> c == Test.class), "subpackages are not listed");
    }

    @Test
    void tellsFunctionsConstructorsAndBoxedTypesApart() {
        assertTrue(RandomTlValues.isFunction(Get.class));
        assertFalse(RandomTlValues.isConstructor(Get.class));
        assertTrue(RandomTlValues.isConstructor(Leaf.class));
        assertFalse(RandomTlValues.isFunction(Leaf.class));
        assertTrue(RandomTlValues.isBoxedType(Tree.class));
        assertFalse(RandomTlValues.isBoxedType(Fixture.class));
        assertFalse(RandomTlValues.isRecord(Tree.class));
        assertEquals(List.of(Get.class), CANDIDATES.functions(), "generic functions are not candidates");
        assertEquals(List.of(Leaf.class, Node.class, Shared.class, Holder.class), CANDIDATES.constructors());
    }
}
