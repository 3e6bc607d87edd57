package org.onewindow.casework.ratings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.onewindow.casework.RatingView;
import org.onewindow.identity.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Good/bad review: the applicant rates a closed application, the supervisor answers a bad rating. */
@RestController
@RequestMapping("/api/v1/casework/applications")
@Tag(name = "casework")
class RatingApi {

    private final ServiceRatings ratings;

    RatingApi(ServiceRatings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/{number}/rating")
    @Operation(summary = "Rate a closed application once, 1 (very bad) to 5 (very good), with reasons (required for 1 and 2)")
    ResponseEntity<RatingView> rate(@PathVariable String number, @Valid @RequestBody Rating rating, Authentication who) {
        return ResponseEntity.status(201).body(ratings.rate(number, who.getName(), rating.score(), rating.reasons()));
    }

    @GetMapping("/{number}/rating")
    @Operation(summary = "The rating of an application and the answer to it")
    ResponseEntity<RatingView> rating(@PathVariable String number, Authentication who, Optional<StaffMember> staff) {
        return ResponseEntity.of(ratings.rating(number, who.getName(), staff));
    }

    @PostMapping("/{number}/rating/answer")
    @Operation(summary = "Answer a bad rating (supervisor of the region, within five working days)")
    RatingView answerRating(@PathVariable String number, @Valid @RequestBody Answer answer, StaffMember me) {
        return ratings.answerRating(number, me, answer.answer());
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "Bad ratings in your part of the organization tree still waiting for an answer (supervisors)")
    List<RatingView> followUps(StaffMember me) {
        return ratings.openFollowUps(me);
    }

    record Rating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 10) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    record Answer(@NotBlank @Size(max = 2000) String answer) {
    }
}
