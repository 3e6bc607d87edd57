package org.onewindow.identity;

/**
 * The province's real-name authentication service: does this name belong to this resident ID
 * number (and, when given, is this mobile phone registered to that person with their carrier)?
 * A province connects its service by providing a bean of this type and setting
 * {@code onewindow.identity.real-name-register} to anything but {@code simulated}; the demo uses
 * the simulated register.
 */
public interface RealNameRegister {

    /** What the register says; it never says who the number belongs to. */
    enum Answer {
        MATCH, NO_MATCH, UNAVAILABLE
    }

    /** The name recorded with a verification, e.g. {@code simulated} or {@code zhejiang-ctid}. */
    String id();

    /**
     * @param phone null to check the name and ID number only (at a window, where a clerk has seen
     *              the identity card); given when a person verifies online, where the phone is
     *              what they hold and an impostor who knows someone's name and number does not
     */
    Answer check(String name, ResidentIdNumber idNumber, MobilePhoneNumber phone);
}
