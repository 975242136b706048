package dev.mtqr.mtproto.netty;

import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * {@link NettyLeakCheck} for jqwik properties, which JUnit Jupiter extensions do not reach: a property that passed
 * fails when Netty reports a leak once all its tries have run. Use it with
 * {@code @AddLifecycleHook(NettyLeakCheckHook.class)} on the class or the property.
 */
public final class NettyLeakCheckHook implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        List<String> leaks = NettyLeakCheck.collectLeaks();
        if (leaks.isEmpty() || result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
            return result;
        }
        return result.mapToFailed(new AssertionError(
                leaks.size() + " Netty leak(s) reported:\n" + String.join("\n", leaks)));
    }
}
