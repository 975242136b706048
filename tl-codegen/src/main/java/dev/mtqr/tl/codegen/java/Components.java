package dev.mtqr.tl.codegen.java;

import dev.mtqr.tl.codegen.schema.Combinator;
import dev.mtqr.tl.codegen.schema.Param;
import dev.mtqr.tl.codegen.schema.SchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Works out the components of a combinator's record: which parameters are stored, optional, or derived. */
final class Components {
    private Components() {
    }

    static List<Component> of(Combinator c, SchemaModel model) {
        List<Component> out = new ArrayList<>();
        Map<Param.Condition, Component> firstOnBit = new HashMap<>();
        Map<String, Param> names = new HashMap<>();
        for (Param p : c.params()) {
            FieldType type = model.fieldType(c, p);
            String name = Naming.componentName(p.name());
            Param clash = names.put(name, p);
            if (clash != null) {
                throw new SchemaException(p.position(), "in " + c.name() + ": parameters " + clash.name() + " and "
                        + p.name() + " both become the Java name " + name);
            }
            Component component;
            if (p.isFlagsField()) {
                component = new Component(p, name, type, Component.Kind.FLAGS, null);
            } else if (p.condition() == null) {
                component = new Component(p, name, type, Component.Kind.REQUIRED, null);
            } else if (type instanceof FieldType.TrueFlag) {
                component = new Component(p, name, type, Component.Kind.FLAG, null);
            } else {
                component = new Component(p, name, type, Component.Kind.OPTIONAL, null);
            }
            out.add(component);
            if (p.condition() != null) {
                Component first = firstOnBit.get(p.condition());
                if (first == null || (first.kind() == Component.Kind.FLAG && component.kind() == Component.Kind.OPTIONAL)) {
                    firstOnBit.put(p.condition(), component);
                }
            }
        }
        // A true flag that shares its bit with a value (or with an earlier flag) reports that one.
        List<Component> resolved = new ArrayList<>();
        for (Component component : out) {
            if (component.kind() == Component.Kind.FLAG) {
                Component first = firstOnBit.get(component.param().condition());
                if (first != component) {
                    component = new Component(component.param(), component.name(), component.type(),
                            Component.Kind.DERIVED, first);
                }
            }
            resolved.add(component);
        }
        return resolved;
    }

    /** Optional components that share a flag bit with another optional component: all set or all null. */
    static Map<Param.Condition, List<Component>> sharedBits(List<Component> components) {
        Map<Param.Condition, List<Component>> byBit = new java.util.LinkedHashMap<>();
        for (Component component : components) {
            if (component.kind() == Component.Kind.OPTIONAL) {
                byBit.computeIfAbsent(component.param().condition(), k -> new ArrayList<>()).add(component);
            }
        }
        byBit.values().removeIf(group -> group.size() < 2);
        return byBit;
    }
}
