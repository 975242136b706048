package dev.mtqr.testkit.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UsersGetUsers;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BoxedResultsTest {
    @Test
    void anObjectIsItsBoxedForm() {
        NearestDc dc = new NearestDc("ZZ", 1, 2);
        assertArrayEquals(dc.toByteArray(), BoxedResults.toBytes(dc));
    }

    @Test
    void aVectorOfObjectsReadsBackWithTheMethodsResultReader() {
        List<NearestDc> values = List.of(new NearestDc("A", 1, 1), new NearestDc("B", 2, 2));
        TlReader in = TlReader.of(BoxedResults.toBytes(values), dev.mtqr.tl.api.SchemaRegistry.INSTANCE);
        assertEquals(values, in.readVector(TlReader::readObject, 4));
    }

    @Property(tries = 50)
    void aVectorOfLongsReadsBack(@ForAll List<Long> values) {
        assertEquals(values, TlReader.of(BoxedResults.toBytes(values)).readLongVector());
    }

    @Test
    void boolsAreBoolTrueAndBoolFalse() {
        assertEquals(BoxedResults.BOOL_TRUE, TlReader.of(BoxedResults.toBytes(true)).readInt());
        assertEquals(BoxedResults.BOOL_FALSE, TlReader.of(BoxedResults.toBytes(false)).readInt());
    }

    @Test
    void aUsersGetUsersResultDecodesWithItsOwnReader() {
        List<Object> none = List.of();
        assertEquals(List.of(), new UsersGetUsers(List.of(new InputUserSelf()))
                .readResult(TlReader.of(BoxedResults.toBytes(none), dev.mtqr.tl.api.SchemaRegistry.INSTANCE)));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BoxedResults.toBytes("text"));
    }
}
