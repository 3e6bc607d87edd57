/**
 * The shared kernel: audit trail and the hash chains behind every append-only log (ledger),
 * personal-data crypto and masking, problem details,
 * request logging, i18n and the embedded database. Every module may use it, so it is an
 * open module; it must never depend on a business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.onewindow.shared;
