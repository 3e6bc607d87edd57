package org.onewindow.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.shared.InvalidIdentifierException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in through the province's identity provider (OIDC). A provider that asserts the person's
 * resident ID number (claim {@code onewindow.identity.oidc.id-number-claim}, default
 * {@code id_number}) has done the real-name check itself: the person signs in as the verified
 * account that holds the number, or one is opened for them (taking over a window record of
 * theirs). Without the claim the person signs in under the provider's name and binds to nothing.
 */
@Component
class ExternalIdentityBinding extends OidcUserService {

    private final PersonRecords records;
    private final AccountStore accounts;
    private final String idNumberClaim;
    private final TransactionTemplate transaction;

    ExternalIdentityBinding(PersonRecords records, AccountStore accounts, TransactionTemplate transaction,
                            @Value("${onewindow.identity.oidc.id-number-claim:id_number}") String idNumberClaim) {
        this.transaction = transaction;
        this.records = records;
        this.accounts = accounts;
        this.idNumberClaim = idNumberClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return bind(super.loadUser(request), request.getClientRegistration().getRegistrationId());
    }

    /** The signed-in person as the platform knows them: their local user name and roles. */
    OidcUser bind(OidcUser asserted, String provider) {
        String claimed = asserted.getClaimAsString(idNumberClaim);
        if (claimed == null || claimed.isBlank()) {
            return asserted;
        }
        ResidentIdNumber idNumber;
        try {
            idNumber = ResidentIdNumber.parse(claimed);
        } catch (InvalidIdentifierException broken) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_number", "the provider asserted an invalid ID number", null));
        }
        String name = Optional.ofNullable(asserted.getFullName()).filter(n -> !n.isBlank()).orElse(asserted.getName());
        String username = records.holderOf(idNumber).filter(PersonRecords.Holder::openedByPerson).map(PersonRecords.Holder::username)
                .orElseGet(() -> transaction.execute(status -> {
                    String opened = records.openForExternalIdentity(asserted.getName(), name, idNumber);
                    records.bind(opened, idNumber, "oidc:" + provider);
                    return opened;
                }));
        List<GrantedAuthority> authorities = new ArrayList<>(asserted.getAuthorities());
        accounts.find(username).ifPresent(account -> account.roles()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority()))));
        if (authorities.stream().noneMatch(a -> a.getAuthority().equals(Role.CITIZEN.authority()))) {
            authorities.add(new SimpleGrantedAuthority(Role.CITIZEN.authority()));
        }
        return new BoundOidcUser(authorities, asserted, username);
    }

    /** The provider's user under the platform's user name, so that {@code Authentication.getName()} is the account's. */
    static final class BoundOidcUser extends DefaultOidcUser {
        private final String username;

        BoundOidcUser(List<GrantedAuthority> authorities, OidcUser asserted, String username) {
            super(authorities, asserted.getIdToken(), asserted.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BoundOidcUser bound && bound.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}
