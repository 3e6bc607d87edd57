package org.onewindow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.RealNameRegister;
import org.onewindow.identity.ResidentIdNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for the province's real-name register, deterministic so that demos and
 * tests know its answers:
 * <ul>
 * <li>the people listed below (the demo citizens) are known by their name, ID number and phone;</li>
 * <li>every other valid ID number belongs to a generated person whose name and phone follow from
 * the number alone ({@link #personOf}): three characters picked by a CRC-32 of the number, and
 * {@code 139} followed by eight digits of it. A mistyped number so names someone else.</li>
 * </ul>
 * Selected by {@code onewindow.identity.real-name-register=simulated} (the default).
 */
@Component
@ConditionalOnProperty(name = "onewindow.identity.real-name-register", havingValue = "simulated", matchIfMissing = true)
public class SimulatedRealNameRegister implements RealNameRegister {

    /** Someone the register knows. */
    public record Person(String name, String idNumber, String phone) {
        @Override
        public String toString() {
            return "Person[registered]";
        }
    }

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";

    private static final Map<String, Person> LISTED = List.of(
                    listed("张三", "33010619900101123", "13800138000"),
                    listed("李四", "33010619480305201", "13900139000"))
            .stream().collect(Collectors.toMap(Person::idNumber, Function.identity()));

    @Override
    public String id() {
        return "simulated";
    }

    @Override
    public Answer check(String name, ResidentIdNumber idNumber, MobilePhoneNumber phone) {
        Person known = personOf(idNumber.value());
        boolean nameMatches = known.name().equals(name == null ? null : name.strip());
        boolean phoneMatches = phone == null || known.phone().equals(phone.value());
        return nameMatches && phoneMatches ? Answer.MATCH : Answer.NO_MATCH;
    }

    /** The person the simulated register holds under a valid ID number. */
    public static Person personOf(String idNumber) {
        Person listed = LISTED.get(idNumber);
        if (listed != null) {
            return listed;
        }
        CRC32 crc = new CRC32();
        crc.update(idNumber.getBytes(StandardCharsets.US_ASCII));
        long h = crc.getValue();
        String name = "" + SURNAMES.charAt((int) (h % 20)) + GIVEN.charAt((int) (h / 20 % 20)) + GIVEN.charAt((int) (h / 400 % 20));
        return new Person(name, idNumber, "139" + String.format("%08d", h % 100_000_000L));
    }

    private static Person listed(String name, String first17, String phone) {
        return new Person(name, first17 + ResidentIdNumber.checkDigitFor(first17), phone);
    }
}
