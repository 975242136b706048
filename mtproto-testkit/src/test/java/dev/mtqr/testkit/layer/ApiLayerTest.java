package dev.mtqr.testkit.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiLayerTest {
    @ParameterizedTest
    @CsvSource({"0,LATEST", "100,LAYER_144", "144,LAYER_144", "197,LAYER_144", "198,LAYER_198", "227,LAYER_198",
            "228,LATEST", "300,LATEST"})
    void aDeclaredLayerIsAnsweredWithTheNewestSchemaAtOrBelowIt(int declared, ApiLayer expected) {
        assertEquals(expected, ApiLayer.of(declared));
    }
}
