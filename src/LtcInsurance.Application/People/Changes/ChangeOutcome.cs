using LtcInsurance.Domain.Common;

namespace LtcInsurance.Application.People.Changes;

internal static class ChangeOutcome
{
    /// <summary>A change the eligibility rule cannot decide on (a figure not set) is refused: nothing changes.</summary>
    public static void RefuseWhenBlocked(EnrolmentReviewOutcome review)
    {
        if (review.Outcome == "blocked")
            throw new BusinessRuleViolationException(review.Message + "；未作任何变更");
    }
}
