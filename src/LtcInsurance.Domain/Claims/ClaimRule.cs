using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Claims;

/// <summary>One named rule of the claims path: code, clause and the message a clerk or provider can read.</summary>
public sealed record ClaimRule(string Code, string Clause, string Message, bool Broken) : IBusinessRule
{
    public bool IsBroken() => Broken;

    public static void Check(bool broken, string code, string clause, string message) =>
        BusinessRule.Check(new ClaimRule(code, clause, message, broken));
}

/// <summary>Clauses the claims path cites.</summary>
public static class ClaimClauses
{
    public const string Handling = "医保办发〔2024〕22号（结算申报、费用初审、费用复核、费用拨付，岗位分设、相互制约）";
    public const string Separation = "医保办发〔2024〕22号（费用初审与费用复核由不同经办人员办理）";
    public const string Window = "按月结算（SS 二(五)3、YZ 四(四)、YL 三(三)）；申报截止日由本地确定";
    public const string SecondApproval = "医保办发〔2024〕22号（大额费用审定须另一人复核确认）；金额标准由本地确定";
    public const string Recovery = "医保办发〔2024〕22号（过误费用追回）";
}

/// <summary>Stable codes of the claims path's refusals.</summary>
public static class ClaimCodes
{
    public const string NotFound = "claim_not_found";
    public const string WrongStatus = "claim_wrong_status";
    public const string WindowNotOpen = "claim_window_not_open";
    public const string WindowClosed = "claim_window_closed";
    public const string AlreadyClaimed = "claim_month_already_claimed";
    public const string SameReviewer = "claim_same_reviewer";
    public const string SameApprover = "claim_same_approver";
    public const string Concurrent = "claim_changed_concurrently";
    public const string LineNotFound = "claim_line_not_found";
    public const string AdjustUp = "claim_adjust_up";
    public const string ReasonRequired = "claim_reason_required";
    public const string ReturnCodeRequired = "claim_return_code_required";
    public const string AlreadyRecovered = "claim_line_already_recovered";
    public const string NotPaid = "claim_not_paid";
    public const string KeyReused = "claim_key_reused";
    public const string Rejected = "claim_rejected";
    public const string ProviderNotFound = "claim_provider_not_found";
    public const string BatchNotFound = "payment_batch_not_found";
    public const string BatchPaid = "payment_batch_already_paid";
    public const string NothingToPay = "payment_batch_empty";
}
