package org.onewindow.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.UnifiedSocialCreditCode;
import org.onewindow.identity.ValidCreditCode;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.shared.pii.PersonalDataMask;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open accounts and read one's own. Identifiers in answers are always masked. */
@RestController
@RequestMapping("/api/v1/identity")
@Tag(name = "identity", description = "Accounts of citizens and enterprises")
class IdentityApi {

    private final AccountStore accounts;

    IdentityApi(AccountStore accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/persons")
    @Operation(summary = "Register a citizen (natural person) with a valid resident ID number")
    ResponseEntity<AccountView> registerPerson(@Valid @RequestBody PersonRegistration request) {
        accounts.registerPerson(request.username(), request.password(), request.name(), ResidentIdNumber.parse(request.idNumber()),
                request.phone() == null || request.phone().isBlank() ? null : MobilePhoneNumber.parse(request.phone()));
        return ResponseEntity.created(URI.create("/api/v1/identity/me")).body(view(request.username()));
    }

    @PostMapping("/enterprises")
    @Operation(summary = "Register an enterprise (legal person) with a valid unified social credit code")
    ResponseEntity<AccountView> registerEnterprise(@Valid @RequestBody EnterpriseRegistration request) {
        accounts.registerEnterprise(request.username(), request.password(), request.name(), UnifiedSocialCreditCode.parse(request.creditCode()));
        return ResponseEntity.created(URI.create("/api/v1/identity/me")).body(view(request.username()));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account, identifiers masked")
    AccountView me(Authentication who) {
        return view(who.getName());
    }

    private AccountView view(String username) {
        var account = accounts.find(username).orElseThrow(() -> new org.onewindow.shared.NotFoundException("account", username));
        return new AccountView(account.username(), account.kind(), PersonalDataMask.name(account.displayName()),
                PersonalDataMask.idNumber(account.idNumber()), PersonalDataMask.phone(account.phone()), account.creditCode(),
                account.roles().stream().map(Enum::name).sorted().toList());
    }

    record EnterpriseRegistration(
            @NotBlank @Pattern(regexp = "^[a-z0-9._-]{3,40}$", message = "{account.username-format}") String username,
            @NotBlank @Size(min = 8, max = 100, message = "{account.password-length}") String password,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @ValidCreditCode String creditCode) {
    }

    record AccountView(String username, String kind, String name, String idNumber, String phone, String creditCode, List<String> roles) {
    }
}
