package org.onewindow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidIdentifierExceptionTest {

    @Test
    void namesTheRuleAndTheKeyOfItsExplanation() {
        InvalidIdentifierException broken = new InvalidIdentifierException("id-number.check-digit");

        assertThat(broken.rule()).isEqualTo("id-number.check-digit");
        assertThat(broken.messageKey()).isEqualTo("identifier.id-number.check-digit");
        assertThat(broken.messageArgs()).isEmpty();
        assertThat(broken).hasMessageContaining("id-number.check-digit");
    }

    @Test
    void keepsItsMessageArgumentsToItself() {
        Object[] args = {18};
        InvalidIdentifierException broken = new InvalidIdentifierException("id-number.length", args);
        args[0] = 15;
        broken.messageArgs()[0] = 15;

        assertThat(broken.messageArgs()).containsExactly(18);
    }
}
