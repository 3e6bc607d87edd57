package org.onewindow.identity.internal;

import java.util.Optional;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.UnifiedSocialCreditCode;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen or an enterprise opens an account. The answer is the same whether the user name or the ID number is
 * already used, so that registering cannot be used to find out who has an account; what came of
 * it goes by SMS to the phone given (identity's own outbox, {@code identity_message}): the
 * account is open and waits for verification, or the user name is taken and another must be
 * chosen. When the ID number is already held by a verified account, its owner's phone is told
 * that someone registered with their number.
 */
@Service
public class Registrations {

    private final AccountStore accounts;
    private final PersonRecords records;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Registrations(AccountStore accounts, PersonRecords records, PersonalDataCipher cipher, JdbcClient jdbc, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.records = records;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** What the SMS says. */
    enum Message {
        ACCOUNT_OPENED, USERNAME_TAKEN, ID_NUMBER_REGISTERED_AGAIN, CREDIT_CODE_REGISTERED
    }

    public void registerPerson(String username, String password, String name, ResidentIdNumber idNumber, MobilePhoneNumber phone) {
        // hashed whether or not it is used: a taken user name must not answer faster than a free one
        AccountStore.PasswordHash hash = accounts.hash(NewPassword.checked(password));
        try {
            transaction.executeWithoutResult(status -> {
                accounts.registerPerson(username, hash, name, idNumber, phone);
                send(phone, Message.ACCOUNT_OPENED, username);
                Optional<PersonRecords.Holder> holder = records.holderOf(idNumber);
                holder.filter(PersonRecords.Holder::openedByPerson).map(PersonRecords.Holder::phone)
                        .ifPresent(owner -> send(new MobilePhoneNumber(owner), Message.ID_NUMBER_REGISTERED_AGAIN, username));
            });
        } catch (ConflictException | DuplicateKeyException taken) {
            transaction.executeWithoutResult(status -> send(phone, Message.USERNAME_TAKEN, username));
        }
    }

    /**
     * An enterprise's agent opens its account, with the same silence: a taken user name or a
     * credit code that already has an account is told to the agent's phone only.
     */
    public void registerEnterprise(String username, String password, String name, UnifiedSocialCreditCode creditCode,
            MobilePhoneNumber phone) {
        AccountStore.PasswordHash hash = accounts.hash(NewPassword.checked(password));
        try {
            transaction.executeWithoutResult(status -> {
                accounts.registerEnterprise(username, hash, name, creditCode);
                send(phone, Message.ACCOUNT_OPENED, username);
            });
        } catch (ConflictException | DuplicateKeyException taken) {
            boolean codeTaken = taken instanceof ConflictException conflict && conflict.rule().equals("account.credit-code-registered");
            transaction.executeWithoutResult(status -> send(phone, codeTaken ? Message.CREDIT_CODE_REGISTERED : Message.USERNAME_TAKEN, username));
        }
    }

    private void send(MobilePhoneNumber phone, Message message, String username) {
        jdbc.sql("insert into identity_message (phone_cipher, kind, username) values (:phone, :kind, :username)")
                .param("phone", cipher.encrypt(phone.value())).param("kind", message.name()).param("username", username)
                .update();
    }
}
