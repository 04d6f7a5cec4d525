namespace LtcInsurance.Domain.Claims;

/// <summary>
/// Where a monthly claim is on the national four steps (医保办发〔2024〕22号): 结算申报 (submitted) → 费用初审 (first_reviewed)
/// → 费用复核 (second_reviewed) → 审定 (approved: the payable is booked) → 费用拨付 (paid); or returned to the provider
/// with codes, or withdrawn by it before the window closes. "Frozen" is not a status: it is the window's state after the
/// close (<see cref="ClaimWindow"/>).
/// </summary>
public static class ClaimStatus
{
    public const string Submitted = "submitted";
    public const string FirstReviewed = "first_reviewed";
    public const string SecondReviewed = "second_reviewed";
    public const string Approved = "approved";
    public const string Paid = "paid";
    public const string Returned = "returned";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Submitted, FirstReviewed, SecondReviewed, Approved, Paid, Returned, Withdrawn];

    /// <summary>Statuses whose lines count: the claim stands (not withdrawn, not returned).</summary>
    public static readonly IReadOnlyList<string> Standing = [Submitted, FirstReviewed, SecondReviewed, Approved, Paid];

    /// <summary>Statuses whose fund amounts are final (the payable is booked).</summary>
    public static readonly IReadOnlyList<string> Final = [Approved, Paid];

    public static string ChineseName(string status) => status switch
    {
        Submitted => "已申报",
        FirstReviewed => "初审通过",
        SecondReviewed => "复核通过",
        Approved => "已审定",
        Paid => "已拨付",
        Returned => "已退回",
        Withdrawn => "已撤回",
        _ => status,
    };
}

/// <summary>What happened to a claim (claim_events.action).</summary>
public static class ClaimActions
{
    public const string Submit = "submit";
    public const string Withdraw = "withdraw";
    public const string Adjust = "adjust";
    public const string FirstReview = "first_review";
    public const string SecondReview = "second_review";
    public const string Return = "return";
    public const string Approve = "approve";
    public const string FirstApproval = "first_approval";
    public const string Sample = "sample";
    public const string Batch = "batch";
    public const string Pay = "pay";
    public const string Recover = "recover";
    public const string Resettle = "resettle";
}
