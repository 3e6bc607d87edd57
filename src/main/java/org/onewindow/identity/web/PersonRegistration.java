package org.onewindow.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.onewindow.identity.ValidMobilePhone;
import org.onewindow.identity.ValidResidentIdNumber;

/** What a citizen gives to open an account (user names beginning {@code p-} are those of window records). */
record PersonRegistration(
        @NotBlank(message = "{problem.field.required}") @Pattern(regexp = "^(?!p-)[a-z0-9._-]{3,40}$", message = "{account.username-format}") String username,
        @NotBlank(message = "{problem.field.required}") @Size(min = 12, max = 128, message = "{account.password-length}") String password,
        @NotBlank(message = "{problem.field.required}") @Size(max = 50) String name,
        @NotBlank(message = "{problem.field.required}") @ValidResidentIdNumber String idNumber,
        // required: the outcome of a registration is told to this phone, not in the answer
        @NotBlank(message = "{problem.field.required}") @ValidMobilePhone String phone) {

    @Override
    public String toString() {
        return "PersonRegistration[" + username + "]";
    }
}
