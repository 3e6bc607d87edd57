package org.onewindow.casework.casefile;

import org.onewindow.casework.model.Application;
import org.onewindow.identity.StaffMember;

/**
 * A duty that needs a member of staff to read a case's contents. Each capability names the duty
 * it owns (the office: the window of the region, the responsible department, tasks offered;
 * supervision: cases it watches; ratings: bad ratings followed up); a member of staff reads a
 * case only when one of them says so. Administrators and data stewards have none.
 */
public interface ReadingDuty {

    boolean needsToRead(Application a, StaffMember staff);
}
