namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// A ledger invariant refused an operation. <see cref="Rule"/> is a stable code (e.g. <c>ledger.unbalanced</c>)
/// that callers and tests match on; the message is Chinese first, then English.
/// </summary>
public sealed class LedgerRuleException : InvalidOperationException
{
    public LedgerRuleException(string rule, string message) : base(message) => Rule = rule;

    public LedgerRuleException() : this("ledger.rule", "账簿规则不允许此操作 / ledger rule violated") { }

    public LedgerRuleException(string message) : this("ledger.rule", message) { }

    public LedgerRuleException(string message, Exception innerException) : base(message, innerException) =>
        Rule = "ledger.rule";

    public string Rule { get; }
}

/// <summary>Stable codes of the ledger rules.</summary>
public static class LedgerRules
{
    public const string TooFewPostings = "ledger.too_few_postings";
    public const string InvalidAmount = "ledger.invalid_amount";
    public const string Unbalanced = "ledger.unbalanced";
    public const string ClosedPeriod = "ledger.closed_period";
    public const string AlreadyReversed = "ledger.already_reversed";
    public const string ReversalOfReversal = "ledger.reversal_of_reversal";
    public const string UnknownAccount = "ledger.unknown_account";
    public const string UnknownEntry = "ledger.unknown_entry";
    public const string MissingField = "ledger.missing_field";
}
