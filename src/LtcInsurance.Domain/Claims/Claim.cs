using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Claims;

/// <summary>
/// A provider's monthly claim (月度结算申报): its lines per beneficiary, day and item, the settlement of each
/// beneficiary's lines by the engine, and its way through the four steps. Every change goes through a method that checks
/// the step's rule and appends a <see cref="ClaimEvent"/> (who, when, why).
/// </summary>
public sealed class Claim : ITenantOwned
{
    public const int MaxReasonLength = 500;

    private Claim()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; }

    /// <summary>Readable number, e.g. <c>CLM-202611-JN001-1</c>: the ledger's source document reference.</summary>
    public string Number { get; private init; } = "";

    public Guid InstitutionId { get; private init; }

    /// <summary>First day of the service month.</summary>
    public DateOnly ServiceMonth { get; private init; }

    public string Status { get; private set; } = ClaimStatus.Submitted;

    /// <summary>The client's idempotency key (API <c>Idempotency-Key</c>, upload hash, portal form id).</summary>
    public string ClientKey { get; private init; } = "";

    /// <summary>SHA-256 of the submitted content: a retry under the same key with other content is refused.</summary>
    public string RequestHash { get; private init; } = "";

    public string SubmittedBy { get; private init; } = "";

    public DateTimeOffset SubmittedAt { get; private init; }

    public decimal Billed { get; private set; }

    public decimal Fund { get; private set; }

    public decimal Individual { get; private set; }

    public string? FirstReviewedBy { get; private set; }

    public DateTimeOffset? FirstReviewedAt { get; private set; }

    public string? SecondReviewedBy { get; private set; }

    public DateTimeOffset? SecondReviewedAt { get; private set; }

    /// <summary>The first of two approvers, when the amount needs a second one.</summary>
    public string? FirstApprovedBy { get; private set; }

    public DateTimeOffset? FirstApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public long? PayableSequence { get; private set; }

    public Guid? PaymentBatchId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string[] ReturnCodes { get; private set; } = [];

    public bool Sampled { get; private set; }

    /// <summary>How many events the claim has: the next event's ordinal (the history's order, whatever the clock says).</summary>
    public int EventCount { get; private set; }

    /// <summary>Concurrency token: two clerks acting at once, one wins.</summary>
    public int Version { get; private set; }

    public List<ClaimLine> Lines { get; private init; } = [];

    public List<ClaimEvent> Events { get; private init; } = [];

    public List<ClaimSettlement> Settlements { get; private init; } = [];

    public Month Month => Month.Of(ServiceMonth);

    public bool IsStanding => ClaimStatus.Standing.Contains(Status);

    public static Claim Submit(string tenantId, Guid institutionId, string providerCode, Month month, int sequence, string clientKey,
        string requestHash, string by, DateTimeOffset at)
    {
        var claim = new Claim
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(),
            Number = $"CLM-{month.Year:D4}{month.Number:D2}-{providerCode}-{sequence}",
            InstitutionId = institutionId,
            ServiceMonth = month.FirstDay,
            ClientKey = clientKey,
            RequestHash = requestHash,
            SubmittedBy = by,
            SubmittedAt = at,
        };
        claim.Record(ClaimActions.Submit, null, ClaimStatus.Submitted, by, at, null);
        return claim;
    }

    public ClaimLine AddLine(int lineNo, Guid personId, Guid entitlementId, string serviceMode, DateOnly day, string itemCode, string category,
        decimal quantity, decimal amount, Guid? careWorkerId, string[] notices)
    {
        var line = new ClaimLine
        {
            TenantId = TenantId, ClaimId = Id, LineNo = lineNo, PersonId = personId, EntitlementId = entitlementId,
            ServiceMode = serviceMode, Day = day, ItemCode = itemCode, Category = category, Quantity = quantity,
            ClaimedAmount = amount, Amount = amount, CareWorkerId = careWorkerId, Notices = notices,
        };
        Lines.Add(line);
        return line;
    }

    /// <summary>Replaces the settlement of the claim's lines (after submission, an adjustment, or at approval).</summary>
    public void Settle(IReadOnlyList<ClaimSettlement> settlements)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        Settlements.Clear();
        Settlements.AddRange(settlements);
        Billed = Lines.Sum(l => l.Amount);
        Fund = Lines.Sum(l => l.Fund);
        Individual = Billed - Fund;
    }

    /// <summary>
    /// The bulk settlement's answer (<c>ApproveClaims</c>): the lines' results and the settlements are written set-based
    /// beside this entity, so only the claim's totals are set here (the lines are not loaded).
    /// </summary>
    public void SettledInBulk(decimal billed, decimal fund)
    {
        Billed = billed;
        Fund = fund;
        Individual = billed - fund;
    }

    public void Withdraw(ClaimWindow window, DateOnly today, string by, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(window);
        ClaimRule.Check(Status != ClaimStatus.Submitted, ClaimCodes.WrongStatus, ClaimClauses.Handling,
            $"申报已进入{ClaimStatus.ChineseName(Status)}，不能撤回");
        ClaimRule.Check(window.IsFrozenOn(today), ClaimCodes.WindowClosed, ClaimClauses.Window,
            $"{Month} 的结算申报已于 {window.Closes:yyyy-MM-dd} 截止，申报已冻结，不能撤回");
        Move(ClaimActions.Withdraw, ClaimStatus.Withdrawn, by, at, reason);
    }

    /// <summary>初审 adjusts a line down with a reason (the caller re-settles afterwards).</summary>
    public void Adjust(int lineNo, decimal newAmount, string reason, string by, DateTimeOffset at)
    {
        ClaimRule.Check(Status is not (ClaimStatus.Submitted or ClaimStatus.FirstReviewed), ClaimCodes.WrongStatus, ClaimClauses.Handling,
            $"申报{ClaimStatus.ChineseName(Status)}，不能调整明细");
        var found = Lines.SingleOrDefault(l => l.LineNo == lineNo);
        ClaimRule.Check(found is null, ClaimCodes.LineNotFound, ClaimClauses.Handling, $"申报中没有第 {lineNo} 条明细");
        var line = found!;
        ClaimRule.Check(newAmount < 0 || newAmount > line.ClaimedAmount || decimal.Round(newAmount, 2) != newAmount, ClaimCodes.AdjustUp,
            ClaimClauses.Handling, $"第 {lineNo} 条明细只能核减：调整后金额须在 0 至申报金额 {line.ClaimedAmount:0.00} 之间，最多两位小数");
        CheckReason(reason);
        var before = line.Amount;
        line.Amount = newAmount;
        line.AdjustReason = reason.Trim();
        line.AdjustedBy = by;
        Record(ClaimActions.Adjust, Status, Status, by, at, $"第 {lineNo} 条 {before:0.00} → {newAmount:0.00}：{reason.Trim()}");
        Version++;
    }

    public void PassFirstReview(string by, DateTimeOffset at, string? note)
    {
        ClaimRule.Check(Status != ClaimStatus.Submitted, ClaimCodes.WrongStatus, ClaimClauses.Handling, $"申报{ClaimStatus.ChineseName(Status)}，不在初审环节");
        FirstReviewedBy = by;
        FirstReviewedAt = at;
        Move(ClaimActions.FirstReview, ClaimStatus.FirstReviewed, by, at, note);
    }

    /// <summary>复核, by a clerk other than the one who did 初审 (separation of duties, 22号).</summary>
    public void PassSecondReview(string by, DateTimeOffset at, string? note)
    {
        ClaimRule.Check(Status != ClaimStatus.FirstReviewed, ClaimCodes.WrongStatus, ClaimClauses.Handling, $"申报{ClaimStatus.ChineseName(Status)}，不在复核环节");
        CheckNotFirstReviewer(by);
        SecondReviewedBy = by;
        SecondReviewedAt = at;
        Move(ClaimActions.SecondReview, ClaimStatus.SecondReviewed, by, at, note);
    }

    public void CheckNotFirstReviewer(string by) => CheckNotFirstReviewer(FirstReviewedBy, by);

    /// <summary>The separation of duties of 复核 for a claim read without tracking (bulk 复核).</summary>
    public static void CheckNotFirstReviewer(string? firstReviewer, string by) =>
        ClaimRule.Check(string.Equals(firstReviewer, by, StringComparison.Ordinal), ClaimCodes.SameReviewer, ClaimClauses.Separation,
            "费用复核须由初审以外的经办人员办理");

    /// <summary>Returns the claim to the provider with codes from the catalogue (初审 or 复核).</summary>
    public void Return(IReadOnlyList<string> codes, string reason, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ClaimRule.Check(Status is not (ClaimStatus.Submitted or ClaimStatus.FirstReviewed), ClaimCodes.WrongStatus, ClaimClauses.Handling,
            $"申报{ClaimStatus.ChineseName(Status)}，不能退回");
        if (Status == ClaimStatus.FirstReviewed)
            CheckNotFirstReviewer(by);
        ClaimRule.Check(codes.Count == 0 || !codes.All(ClaimReturnCodes.IsKnown), ClaimCodes.ReturnCodeRequired, ClaimClauses.Handling,
            "退回须选择退回代码目录中的代码");
        CheckReason(reason);
        ReturnCodes = [.. codes.Distinct()];
        Move(ClaimActions.Return, ClaimStatus.Returned, by, at, $"{string.Join(",", ReturnCodes)}：{reason.Trim()}");
    }

    /// <summary>
    /// 审定. Above the tenant's threshold the first call records a first approval and a second, different person
    /// completes it. Returns true when the claim is approved (the caller books the payable).
    /// </summary>
    public bool Approve(decimal? secondApprovalAbove, string by, DateTimeOffset at)
    {
        ClaimRule.Check(Status != ClaimStatus.SecondReviewed, ClaimCodes.WrongStatus, ClaimClauses.Handling, $"申报{ClaimStatus.ChineseName(Status)}，不在审定环节");
        var needsTwo = secondApprovalAbove is { } threshold && Fund > threshold;
        if (needsTwo && FirstApprovedBy is null)
        {
            FirstApprovedBy = by;
            FirstApprovedAt = at;
            Record(ClaimActions.FirstApproval, Status, Status, by, at, $"基金支付 {Fund:0.00} 元高于 {secondApprovalAbove:0.00} 元，须另一人审定");
            Version++;
            return false;
        }

        ClaimRule.Check(needsTwo && string.Equals(FirstApprovedBy, by, StringComparison.Ordinal), ClaimCodes.SameApprover, ClaimClauses.SecondApproval,
            "大额申报须由另一名经办人员审定");
        ApprovedBy = by;
        ApprovedAt = at;
        Move(ClaimActions.Approve, ClaimStatus.Approved, by, at, null);
        return true;
    }

    public void RecordPayable(long sequence) => PayableSequence = sequence;

    public void MarkSampled(string seed, string by, DateTimeOffset at)
    {
        Sampled = true;
        Record(ClaimActions.Sample, Status, Status, by, at, $"抽查（种子 {seed}）");
        Version++;
    }

    public void AddToBatch(Guid batchId, string by, DateTimeOffset at)
    {
        ClaimRule.Check(Status != ClaimStatus.Approved || PaymentBatchId is not null, ClaimCodes.WrongStatus, ClaimClauses.Handling, "只有已审定且未拨付的申报可以列入拨付批次");
        PaymentBatchId = batchId;
        Record(ClaimActions.Batch, Status, Status, by, at, null);
        Version++;
    }

    public void MarkPaid(string by, DateTimeOffset at)
    {
        PaidAt = at;
        Move(ClaimActions.Pay, ClaimStatus.Paid, by, at, null);
    }

    /// <summary>过误: withdraws a paid line's fund amount (the caller books the reversal and the recovery).</summary>
    public ClaimLine RecoverLine(int lineNo, string reason, string by, DateTimeOffset at)
    {
        ClaimRule.Check(Status != ClaimStatus.Paid, ClaimCodes.NotPaid, ClaimClauses.Recovery, "只有已拨付的申报可以办理过误追回");
        var found = Lines.SingleOrDefault(l => l.LineNo == lineNo);
        ClaimRule.Check(found is null, ClaimCodes.LineNotFound, ClaimClauses.Recovery, $"申报中没有第 {lineNo} 条明细");
        var line = found!;
        ClaimRule.Check(line.Recovered, ClaimCodes.AlreadyRecovered, ClaimClauses.Recovery, $"第 {lineNo} 条明细已追回");
        ClaimRule.Check(line.Fund <= 0, ClaimCodes.AlreadyRecovered, ClaimClauses.Recovery, $"第 {lineNo} 条明细基金未支付，无需追回");
        CheckReason(reason);
        line.Recovered = true;
        line.RecoveryReason = reason.Trim();
        Record(ClaimActions.Recover, Status, Status, by, at, $"第 {lineNo} 条追回 {line.Fund:0.00} 元：{reason.Trim()}");
        Version++;
        return line;
    }

    public void NoteResettled(string by, DateTimeOffset at, decimal before)
    {
        if (before != Fund)
            Record(ClaimActions.Resettle, Status, Status, by, at, $"按审定时已结算数据重算：基金支付 {before:0.00} → {Fund:0.00}");
    }

    private static void CheckReason(string? reason) =>
        ClaimRule.Check(string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength, ClaimCodes.ReasonRequired, ClaimClauses.Handling,
            $"请填写原因（不超过 {MaxReasonLength} 个字符）");

    private void Move(string action, string to, string by, DateTimeOffset at, string? reason)
    {
        var from = Status;
        Status = to;
        Version++;
        Record(action, from, to, by, at, reason);
    }

    private void Record(string action, string? from, string to, string by, DateTimeOffset at, string? reason) =>
        Events.Add(HistoryRow(TenantId, Id, ++EventCount, action, from, to, by, at, reason));

    /// <summary>
    /// One row of a claim's history. A set-based step (bulk 初审/复核) moves the claims with one update that adds 1 to
    /// <see cref="EventCount"/> and writes this row with the new count as its ordinal.
    /// </summary>
    public static ClaimEvent HistoryRow(string tenant, Guid claimId, int ordinal, string action, string? from, string to, string by,
        DateTimeOffset at, string? reason) =>
        new()
        {
            TenantId = tenant, Id = Guid.CreateVersion7(), ClaimId = claimId, Ordinal = ordinal, Action = action, FromStatus = from, ToStatus = to,
            RecordedBy = by, RecordedAt = at, Reason = reason is { Length: > 1000 } ? reason[..1000] : reason,
        };
}

/// <summary>One line of a claim: what was claimed, what the reviewers kept, what the engine settled.</summary>
public sealed class ClaimLine : ITenantOwned
{
    public string TenantId { get; init; } = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ClaimId { get; init; }

    public int LineNo { get; init; }

    public Guid PersonId { get; init; }

    public Guid EntitlementId { get; init; }

    /// <summary>The service mode code (<see cref="Vocabulary.ServiceModes"/>) of the beneficiary's entitlement.</summary>
    public string ServiceMode { get; init; } = "";

    public DateOnly Day { get; init; }

    public string ItemCode { get; init; } = "";

    public string Category { get; init; } = "";

    public decimal Quantity { get; init; }

    public decimal ClaimedAmount { get; init; }

    /// <summary>The amount after review (equal to the claimed amount unless 初审 cut it).</summary>
    public decimal Amount { get; internal set; }

    public string? AdjustReason { get; internal set; }

    public string? AdjustedBy { get; internal set; }

    public Guid? CareWorkerId { get; init; }

    public decimal Fund { get; set; }

    public decimal Individual { get; set; }

    /// <summary>The engine's rejection reason (<c>RejectionReasons</c>), or null when the fund pays the line.</summary>
    public string? Rejection { get; set; }

    /// <summary>Return codes of severity cut raised on submission (kept, shown beside the line).</summary>
    public string[] Notices { get; init; } = [];

    public bool Recovered { get; internal set; }

    public string? RecoveryReason { get; internal set; }
}

/// <summary>One engine settlement of a claim: a beneficiary's lines under one entitlement, with the trace.</summary>
public sealed class ClaimSettlement : ITenantOwned
{
    public string TenantId { get; init; } = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ClaimId { get; init; }

    public Guid PersonId { get; init; }

    public Guid EntitlementId { get; init; }

    public string ServiceMode { get; init; } = "";

    /// <summary>The beneficiary's fund already paid that year before this claim (final claims, approval order).</summary>
    public decimal YearToDateBefore { get; init; }

    /// <summary>Fund already fixed for the same beneficiary, month and entitlement by earlier claims of other providers.</summary>
    public decimal EarlierInMonth { get; init; }

    public decimal Billed { get; init; }

    public decimal Fund { get; init; }

    public decimal Individual { get; init; }

    /// <summary>Limits and caps that lowered the fund (engine reductions, e.g. <c>monthly_limit=12.00;annual_cap=30.00</c>).</summary>
    public string Reductions { get; init; } = "";

    /// <summary>The engine's trace (jsonb).</summary>
    public string Trace { get; init; } = "[]";

    public DateTimeOffset SettledAt { get; init; }
}

/// <summary>Append-only history of a claim: who did what, when and why.</summary>
public sealed class ClaimEvent : ITenantOwned
{
    public string TenantId { get; init; } = "";

    public Guid Id { get; init; }

    public Guid ClaimId { get; init; }

    /// <summary>1, 2, … in the order the events happened to the claim.</summary>
    public int Ordinal { get; init; }

    public string Action { get; init; } = "";

    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }

    public string? Reason { get; init; }
}
