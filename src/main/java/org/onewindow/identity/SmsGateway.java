package org.onewindow.identity;

/**
 * The province's SMS service, as identity sends through it: what registration tells the phone
 * it was given. Add a bean of this type to connect one; without it the messages wait in
 * {@code identity_message}. A message may be handed over again after a crash between the
 * gateway's acceptance and our record of it, so a gateway should ignore a reference it has
 * already taken. Throw to refuse a message: it is tried again later.
 */
public interface SmsGateway {

    void send(String reference, MobilePhoneNumber to, String text) throws Exception;
}
