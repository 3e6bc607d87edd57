package org.onewindow.casework.ratings;

import org.onewindow.casework.casefile.ReadingDuty;
import org.onewindow.casework.model.Application;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.springframework.stereotype.Component;

/** A supervisor answers a bad rating of their part of the tree, and reads the case it is about to answer it. */
@Component
class FollowUpDuty implements ReadingDuty {

    private final RatingRepository ratings;

    FollowUpDuty(RatingRepository ratings) {
        this.ratings = ratings;
    }

    @Override
    public boolean needsToRead(Application a, StaffMember staff) {
        return staff.has(Role.SUPERVISOR) && staff.mayActOn(a.regionCode())
                && ratings.find(a.id()).map(rating -> rating.followUpDue() != null).orElse(false);
    }
}
