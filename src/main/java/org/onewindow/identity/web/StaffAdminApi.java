package org.onewindow.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.onewindow.identity.Role;
import org.onewindow.identity.internal.StaffAccounts;
import org.onewindow.identity.internal.StaffAccounts.StaffAccount;
import org.onewindow.identity.internal.StaffAccounts.StaffDetails;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators keep the staff accounts of their part of the tree (access rule: ADMINISTRATOR, SecurityConfiguration). */
@RestController
@RequestMapping("/api/v1/identity/staff")
@Tag(name = "identity", description = "Accounts of citizens and enterprises")
class StaffAdminApi {

    private final StaffAccounts staff;

    StaffAdminApi(StaffAccounts staff) {
        this.staff = staff;
    }

    @GetMapping
    @Operation(summary = "The staff accounts of the administrator's region and below")
    List<StaffAccount> list(Authentication who) {
        return staff.list(who.getName());
    }

    @GetMapping("/{username}")
    @Operation(summary = "One staff account")
    StaffAccount get(@PathVariable String username, Authentication who) {
        return staff.get(who.getName(), username);
    }

    @PostMapping
    @Operation(summary = "Create a staff account (password: 12 to 128 characters, not a common one)")
    ResponseEntity<StaffAccount> create(@RequestBody NewStaff request, Authentication who) {
        StaffAccount created = staff.create(who.getName(), new StaffDetails(request.username(), request.password(), request.name(),
                request.regionCode(), request.departmentId(), roles(request.roles())));
        return ResponseEntity.created(URI.create("/api/v1/identity/staff/" + created.username())).body(created);
    }

    @PutMapping("/{username}/assignment")
    @Operation(summary = "Change a staff member's region, department and roles; their sessions end at once")
    StaffAccount assign(@PathVariable String username, @RequestBody Assignment request, Authentication who) {
        return staff.assign(who.getName(), username, new StaffDetails(username, null, null, request.regionCode(), request.departmentId(),
                roles(request.roles())));
    }

    @PostMapping("/{username}/disabling")
    @Operation(summary = "Disable a staff account: it stops working at its next request, on every node")
    StaffAccount disable(@PathVariable String username, Authentication who) {
        return staff.setEnabled(who.getName(), username, false);
    }

    @PostMapping("/{username}/enabling")
    @Operation(summary = "Enable a disabled staff account again")
    StaffAccount enable(@PathVariable String username, Authentication who) {
        return staff.setEnabled(who.getName(), username, true);
    }

    @PostMapping("/{username}/unlocking")
    @Operation(summary = "End the lock after failed sign-ins")
    StaffAccount unlock(@PathVariable String username, Authentication who) {
        return staff.unlock(who.getName(), username);
    }

    @PutMapping("/{username}/second-factor")
    @Operation(summary = "Require (or stop requiring) a TOTP second factor; such an account signs in on the pages only")
    StaffAccount secondFactor(@PathVariable String username, @RequestBody SecondFactorRule request, Authentication who) {
        return staff.requireSecondFactor(who.getName(), username, request.required());
    }

    @PostMapping("/{username}/password-reset")
    @Operation(summary = "Give a staff member a new temporary password, answered only here; they must choose their own at their next "
            + "sign-in, on the pages, and their sessions end at once")
    TemporaryPassword resetPassword(@PathVariable String username, Authentication who) {
        return new TemporaryPassword(username, staff.resetPassword(who.getName(), username));
    }

    /** Role names as given; an unknown one is refused with the field named, like a missing one. */
    static Set<Role> roles(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        try {
            return names.stream().map(name -> Role.valueOf(name.strip())).collect(java.util.stream.Collectors.toSet());
        } catch (IllegalArgumentException unknown) {
            throw new org.onewindow.shared.RuleViolationException(
                    new org.onewindow.shared.RuleViolationException.Violation("roles", "staff.roles", "staff.roles-missing"));
        }
    }

    record NewStaff(String username, String password, String name, String regionCode, String departmentId, List<String> roles) {
        @Override
        public String toString() {
            return "NewStaff[" + username + "]";
        }
    }

    record Assignment(String regionCode, String departmentId, List<String> roles) {
    }

    record SecondFactorRule(boolean required) {
    }

    record TemporaryPassword(String username, String temporaryPassword) {
        @Override
        public String toString() {
            return "TemporaryPassword[" + username + "]";
        }
    }
}
