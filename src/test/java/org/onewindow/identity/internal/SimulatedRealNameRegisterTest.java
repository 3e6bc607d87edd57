package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.RealNameRegister.Answer;
import org.onewindow.identity.ResidentIdNumber;

/** The demo's register answers the same every time, and knowing a name and a number is not enough online. */
class SimulatedRealNameRegisterTest {

    private final SimulatedRealNameRegister register = new SimulatedRealNameRegister();

    @Test
    void theListedDemoCitizensAreKnownByNameNumberAndPhone() {
        ResidentIdNumber zhangsan = id("33010619900101123");
        assertThat(register.check("张三", zhangsan, MobilePhoneNumber.parse("13800138000"))).isEqualTo(Answer.MATCH);
        assertThat(register.check("张三", zhangsan, null)).isEqualTo(Answer.MATCH);
        assertThat(register.check("张三", zhangsan, MobilePhoneNumber.parse("13800138001"))).isEqualTo(Answer.NO_MATCH);
        assertThat(register.check("李四", zhangsan, null)).isEqualTo(Answer.NO_MATCH);
    }

    @Test
    void aGeneratedPersonFollowsFromTheNumberAlone() {
        ResidentIdNumber number = id("33010619450607004");
        var person = SimulatedRealNameRegister.personOf(number.value());
        assertThat(SimulatedRealNameRegister.personOf(number.value())).isEqualTo(person);
        assertThat(person.name()).hasSize(3);
        assertThat(person.phone()).startsWith("139").hasSize(11);
        assertThat(register.check(person.name(), number, MobilePhoneNumber.parse(person.phone()))).isEqualTo(Answer.MATCH);
        assertThat(register.check(person.name(), number, MobilePhoneNumber.parse("13600000001"))).isEqualTo(Answer.NO_MATCH);
        assertThat(register.check(person.name() + "伟", number, null)).isEqualTo(Answer.NO_MATCH);
    }

    private static ResidentIdNumber id(String first17) {
        return ResidentIdNumber.parse(first17 + ResidentIdNumber.checkDigitFor(first17));
    }
}
