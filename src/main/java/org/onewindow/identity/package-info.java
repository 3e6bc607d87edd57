/**
 * Who people are and what they may do: the accounts of citizens, enterprise agents and staff
 * (local sign-in and an external OIDC provider), the identifiers that check themselves (resident
 * ID number, mobile phone number, unified social credit code), the organization tree of five
 * levels with the departments at each node, staff with their roles and the node they act for,
 * and proxy authorizations (who may act for whom, for which items, until when).
 *
 * <p>The base package is the API other modules use: {@link org.onewindow.identity.OrganizationTree},
 * {@link org.onewindow.identity.StaffDirectory}, {@link org.onewindow.identity.PersonDirectory},
 * {@link org.onewindow.identity.ProxyAuthorizations}, {@link org.onewindow.identity.RealNameRegister}
 * (how a province's real-name authentication service is connected: an ID number binds to nothing
 * until it confirmed it), the values and validators beside them, and the events
 * {@link org.onewindow.identity.AccountOpened}, {@link org.onewindow.identity.PersonRecordClaimed},
 * {@link org.onewindow.identity.ProxyAuthorizationGranted} and
 * {@link org.onewindow.identity.ProxyAuthorizationRevoked}. {@code internal} holds the account store, the demo organization and the security rules of every
 * path of the platform ({@code SecurityConfiguration}); {@code web} the pages /login, /register,
 * /account and the API /api/v1/identity. It owns the tables region, department, account,
 * account_role, proxy_authorization and identity_message.
 */
package org.onewindow.identity;
