package dev.mtqr.tl.codegen.schema;

import java.util.List;

/** A parsed schema file: its declarations in order, and the layer if a {@code // LAYER N} comment names it. */
public record Schema(String file, List<Combinator> combinators, Integer layer) {
}
