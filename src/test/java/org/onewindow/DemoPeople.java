package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;

/**
 * The people of the demo government (README.md, "Demo accounts") by what they are, each a
 * {@link PlatformClient} signed in to the platform at one port:
 * {@code DemoPeople.at(port).xihuClerk()}. Every call gives a fresh client; they hold no state
 * but their credentials, so a test may keep them in fields or ask again.
 */
public final class DemoPeople {

    /** The password of every demo account, and of the staff tests add with {@code TestStaff}. */
    public static final String PASSWORD = "demo1234";

    /** The password of the citizens {@link #aNewCitizen()} registers. */
    public static final String NEW_CITIZEN_PASSWORD = "a-long-password";

    private final int port;

    private DemoPeople(int port) {
        this.port = port;
    }

    public static DemoPeople at(int port) {
        return new DemoPeople(port);
    }

    /** Nobody signed in. */
    public PlatformClient anonymous() {
        return new PlatformClient(port);
    }

    /** 张三, a citizen of Xihu District. */
    public PlatformClient zhangsan() {
        return signedIn("zhangsan");
    }

    /** 李四, a citizen of 78. */
    public PlatformClient lisi() {
        return signedIn("lisi");
    }

    /** The agent of an enterprise, a restaurant company of Xihu District ({@code xihu-restaurant}). */
    public PlatformClient xihuRestaurant() {
        return signedIn("xihu-restaurant");
    }

    /** The administrator of Zhejiang Province ({@code admin}): the standard catalog, processes, the calendar. */
    public PlatformClient provinceAdministrator() {
        return signedIn("admin");
    }

    /** The administrator of Xihu District ({@code admin.xihu}): local implementations of Xihu only. */
    public PlatformClient xihuAdministrator() {
        return signedIn("admin.xihu");
    }

    /** The front-desk clerk of Xihu District ({@code clerk.xihu}): files at the window, accepts, returns for correction. */
    public PlatformClient xihuClerk() {
        return signedIn("clerk.xihu");
    }

    /** A handler of Xihu's Market Regulation Bureau ({@code handler.xihu.mr}): reviews and decides. */
    public PlatformClient xihuMarketHandler() {
        return signedIn("handler.xihu.mr");
    }

    /** A second market-regulation handler of Xihu ({@code handler2.xihu.mr}): the other pair of eyes of a two-step review. */
    public PlatformClient secondXihuMarketHandler() {
        return signedIn("handler2.xihu.mr");
    }

    /** A handler of Xihu's housing and construction bureau ({@code handler.xihu.hc}): decides the construction permit. */
    public PlatformClient xihuHousingHandler() {
        return signedIn("handler.xihu.hc");
    }

    /** A handler of Xihu's planning (natural resources) bureau ({@code handler.xihu.nr}): countersigns the construction permit. */
    public PlatformClient xihuPlanningHandler() {
        return signedIn("handler.xihu.nr");
    }

    /** A handler of Xihu's environment bureau ({@code handler.xihu.ee}): countersigns the construction permit. */
    public PlatformClient xihuEnvironmentHandler() {
        return signedIn("handler.xihu.ee");
    }

    /** The data steward of Xihu District ({@code steward.xihu}). */
    public PlatformClient dataSteward() {
        return signedIn("steward.xihu");
    }

    /** The supervisor of Hangzhou City ({@code supervisor.hangzhou}): time limits, indicators and bad ratings of Hangzhou. */
    public PlatformClient hangzhouSupervisor() {
        return signedIn("supervisor.hangzhou");
    }

    /**
     * Someone signing in with the demo password who is not one of the demo people above: the
     * extra staff a test adds with {@code TestStaff}.
     */
    public PlatformClient signedIn(String username) {
        return anonymous().as(username, PASSWORD);
    }

    /**
     * A citizen of this test's own, registered through {@code POST /api/v1/identity/persons} with a
     * valid random resident ID number of Xihu District and verified through
     * {@code POST /api/v1/identity/me/verification}: someone no other test has applied for,
     * authorized or been given a licence. Their name and phone are the ones the simulated
     * real-name register holds for the number.
     */
    public NewCitizen aNewCitizen() {
        NewCitizen citizen = aNewUnverifiedCitizen();
        var verified = citizen.client().post("/api/v1/identity/me/verification", "");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return citizen;
    }

    /** The same, registered but not verified: their ID number binds to nothing yet. */
    public NewCitizen aNewUnverifiedCitizen() {
        String idNumber = aNewIdNumber();
        SimulatedRealNameRegister.Person person = SimulatedRealNameRegister.personOf(idNumber);
        return register(idNumber, person.name(), person.phone());
    }

    /**
     * Someone registering with the name, ID number and phone they choose, which need not be theirs;
     * the registration's answer says nothing of whether it opened an account.
     */
    public NewCitizen register(String idNumber, String name, String phone) {
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        var registered = anonymous().post("/api/v1/identity/persons", "{\"username\": \"" + username + "\", \"password\": \""
                + NEW_CITIZEN_PASSWORD + "\", \"name\": \"" + name + "\", \"idNumber\": \"" + idNumber + "\", \"phone\": \"" + phone + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        return new NewCitizen(anonymous().as(username, NEW_CITIZEN_PASSWORD), username, idNumber);
    }

    /** A valid random resident ID number of Xihu District. */
    public static String aNewIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "330106" + (1950 + random.nextInt(50))
                + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        return first17 + ResidentIdNumber.checkDigitFor(first17);
    }

    /** A citizen {@link #aNewCitizen()} registered: signed in, with their user name and resident ID number. */
    public record NewCitizen(PlatformClient client, String username, String idNumber) {
        public String password() {
            return NEW_CITIZEN_PASSWORD;
        }

        /** The name the simulated real-name register holds for their ID number. */
        public String name() {
            return SimulatedRealNameRegister.personOf(idNumber).name();
        }
    }
}
