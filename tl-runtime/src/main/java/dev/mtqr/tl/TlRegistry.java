package dev.mtqr.tl;

import java.util.List;

/**
 * Decodes a boxed value of any known constructor, for fields of type {@code Object} or {@code !X}.
 * Each generated package has one ({@code SchemaRegistry.INSTANCE}); several combine with {@link #of}.
 */
public interface TlRegistry {
    /** A registry that knows no constructor. */
    TlRegistry EMPTY = (id, in) -> null;

    /**
     * Reads the bare fields of constructor {@code id} (the id itself has been read already).
     *
     * @return the value, or {@code null} if this registry does not know {@code id} (nothing has been read then)
     */
    TlObject readBare(int id, TlReader in);

    /** A registry that asks each of {@code registries} in turn. */
    static TlRegistry of(TlRegistry... registries) {
        List<TlRegistry> all = List.of(registries);
        return (id, in) -> {
            for (TlRegistry registry : all) {
                TlObject value = registry.readBare(id, in);
                if (value != null) {
                    return value;
                }
            }
            return null;
        };
    }
}
