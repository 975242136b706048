package dev.mtqr.tl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Value semantics for components that hold {@code byte[]}, directly or in lists: generated records use these
 * in {@code equals}, {@code hashCode} and {@code toString}. {@code toString} shows only a byte array's length,
 * so that keys and tokens never reach a log.
 */
public final class TlValues {
    private TlValues() {
    }

    public static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            int n = x.size();
            if (n != y.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    public static int deepHashCode(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof List<?> list) {
            int hash = 1;
            for (Object element : list) {
                hash = 31 * hash + deepHashCode(element);
            }
            return hash;
        }
        return Objects.hashCode(value);
    }

    /** {@code <16 bytes>} for a byte array, lists element by element, anything else as itself. */
    public static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(describe(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
