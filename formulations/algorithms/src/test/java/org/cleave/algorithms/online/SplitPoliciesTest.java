package org.cleave.algorithms.online;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitPoliciesTest {
    @Test
    void errorsNameThePolicyParameterNotAFlag() {
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> SplitPolicies.create("thompson", 1.0, 0.1)).getMessage();
        assertTrue(unknown.startsWith("policy: unknown policy \"thompson\"; known: splitee"), unknown);
        String fixed = assertThrows(IllegalArgumentException.class,
                () -> SplitPolicies.create("fixed:x", 1.0, 0.1)).getMessage();
        assertTrue(fixed.startsWith("policy: \"fixed:x\" needs an exit number"), fixed);
    }
}
