package dev.mtqr.tl;

/**
 * A TL function: a request whose answer has type {@code R}. The record knows how to read its own result,
 * so that {@code invoke(TlMethod<R>)} can hand back a typed value. Wrapping functions such as
 * {@code invokeWithLayer} and {@code initConnection} read the result of the query they wrap.
 *
 * @param <R> the Java type of the result
 */
public interface TlMethod<R> extends TlObject {
    /** Reads this function's result (boxed, as it arrives in {@code rpc_result}). */
    R readResult(TlReader in);
}
