package org.onewindow.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.time.LocalDate;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.ProxyAuthorization;
import org.onewindow.identity.ProxyAuthorizations;
import org.onewindow.identity.StaffMember;
import org.onewindow.identity.ValidResidentIdNumber;
import org.springframework.web.bind.annotation.PathVariable;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.UnifiedSocialCreditCode;
import org.onewindow.identity.ValidCreditCode;
import org.onewindow.identity.internal.AccountPasswords;
import org.onewindow.identity.ValidMobilePhone;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.identity.internal.PersonRecords;
import org.onewindow.identity.internal.Registrations;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.onewindow.shared.pii.PersonalDataMask;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open accounts and read one's own. Identifiers in answers are always masked. */
@RestController
@RequestMapping("/api/v1/identity")
@Tag(name = "identity", description = "Accounts of citizens and enterprises")
class IdentityApi {

    private final AccountStore accounts;
    private final ProxyAuthorizations proxies;
    private final PersonDirectory people;
    private final Registrations registrations;
    private final PersonRecords records;
    private final MessageSource messages;
    private final AccountPasswords passwords;

    IdentityApi(AccountStore accounts, ProxyAuthorizations proxies, PersonDirectory people, Registrations registrations,
                PersonRecords records, MessageSource messages, AccountPasswords passwords) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.records = records;
        this.messages = messages;
        this.proxies = proxies;
        this.people = people;
        this.passwords = passwords;
    }

    @PostMapping("/persons")
    @Operation(summary = "Register a citizen (natural person) with a valid resident ID number. The answer is the same whether or not "
            + "the user name or the ID number is taken; what came of it is sent by SMS to the phone given")
    ResponseEntity<RegistrationReceived> registerPerson(@Valid @RequestBody PersonRegistration request, Locale locale) {
        MobilePhoneNumber phone = MobilePhoneNumber.parse(request.phone());
        registrations.registerPerson(request.username(), request.password(), request.name(), ResidentIdNumber.parse(request.idNumber()),
                phone);
        return ResponseEntity.accepted().body(new RegistrationReceived(phone.masked(),
                messages.getMessage("register.sent", new Object[] {phone.masked()}, locale)));
    }

    @PostMapping("/me/verification")
    @Operation(summary = "Ask the real-name register to confirm your name, ID number and phone; until then your ID number binds to "
            + "nothing (window filings, authorizations)")
    AccountView verify(Authentication who) {
        AccountVerification.require(records.verify(who.getName()));
        return view(who.getName());
    }

    @PostMapping("/enterprises")
    @Operation(summary = "Register an enterprise (legal person) with a valid unified social credit code. The answer is the same whether "
            + "or not the user name or the credit code is taken; what came of it is sent by SMS to the agent's phone")
    ResponseEntity<RegistrationReceived> registerEnterprise(@Valid @RequestBody EnterpriseRegistration request, Locale locale) {
        MobilePhoneNumber phone = MobilePhoneNumber.parse(request.phone());
        registrations.registerEnterprise(request.username(), request.password(), request.name(),
                UnifiedSocialCreditCode.parse(request.creditCode()), phone);
        return ResponseEntity.accepted().body(new RegistrationReceived(phone.masked(),
                messages.getMessage("register.sent", new Object[] {phone.masked()}, locale)));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account, identifiers masked")
    AccountView me(Authentication who) {
        return view(who.getName());
    }

    @PutMapping("/me/password")
    @Operation(summary = "Change your own password, giving the current one; the new one has 12 to 128 characters and is not a common "
            + "one. Sessions and remembered credentials of the account end")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange request, Authentication who) {
        passwords.change(who.getName(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proxy-authorizations")
    @Operation(summary = "Authorize someone (a family member, an agent) to act for you on named items until a date")
    ResponseEntity<ProxyAuthorization> authorize(@Valid @RequestBody Authorization request, Authentication who) {
        return ResponseEntity.status(201).body(proxies.grant(who.getName(), request.proxy(), request.itemCodes(), request.validUntil(),
                who.getName()));
    }

    @PostMapping("/proxy-authorizations/at-window")
    @Operation(summary = "A clerk records an authorization for the person at the window (who may have no smartphone)")
    ResponseEntity<ProxyAuthorization> authorizeAtWindow(@Valid @RequestBody WindowAuthorization request, StaffMember clerk) {
        String principal = people.personAtWindow(ResidentIdNumber.parse(request.principalIdNumber()), request.principalName(), null, clerk);
        return ResponseEntity.status(201).body(proxies.grant(principal, request.proxy(), request.itemCodes(), request.validUntil(),
                clerk.username()));
    }

    @GetMapping("/proxy-authorizations")
    @Operation(summary = "Authorizations you gave or received")
    List<ProxyAuthorization> authorizations(Authentication who) {
        return proxies.involving(who.getName());
    }

    @PostMapping("/proxy-authorizations/{id}/revocation")
    @Operation(summary = "Revoke an authorization you gave; it ends at once")
    ProxyAuthorization revoke(@PathVariable java.util.UUID id, Authentication who) {
        return proxies.revoke(id, who.getName());
    }

    private AccountView view(String username) {
        var account = accounts.find(username).orElseThrow(() -> new org.onewindow.shared.NotFoundException("account", username));
        return new AccountView(account.username(), account.kind(), PersonalDataMask.name(account.displayName()),
                PersonalDataMask.idNumber(account.idNumber()), PersonalDataMask.phone(account.phone()), account.creditCode(),
                account.roles().stream().map(Enum::name).sorted().toList(), records.isVerified(username));
    }

    record EnterpriseRegistration(
            @NotBlank @Pattern(regexp = "^[a-z0-9._-]{3,40}$", message = "{account.username-format}") String username,
            @NotBlank @Size(min = 12, max = 128, message = "{account.password-length}") String password,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @ValidCreditCode String creditCode,
            // required: the outcome of a registration is told to the agent's phone, not in the answer
            @NotBlank(message = "{problem.field.required}") @ValidMobilePhone String phone) {

        @Override
        public String toString() {
            return "EnterpriseRegistration[" + username + "]";
        }
    }

    record Authorization(@NotBlank @Size(max = 40) String proxy, @NotEmpty @Size(max = 50) List<@NotBlank String> itemCodes,
                         @NotNull LocalDate validUntil) {
    }

    record WindowAuthorization(@NotBlank @ValidResidentIdNumber String principalIdNumber, @NotBlank @Size(max = 50) String principalName,
                               @NotBlank @Size(max = 40) String proxy, @NotEmpty @Size(max = 50) List<@NotBlank String> itemCodes,
                               @NotNull LocalDate validUntil) {
        @Override
        public String toString() {
            return "WindowAuthorization[" + proxy + "]";
        }
    }

    /** {@code verified}: the real-name register (or an identity provider) confirmed the person's ID number. */
    record AccountView(String username, String kind, String name, String idNumber, String phone, String creditCode, List<String> roles,
                       boolean verified) {
    }

    /** The one answer to every registration: where the outcome was sent. */
    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[hidden]";
        }
    }

    record RegistrationReceived(String phone, String message) {
    }
}
