using System.Globalization;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Contributions;

// The rules a contribution bill and its payments keep (ContributionBill.Issue, RecordPosting, RecordPayment).
// Clauses: the funding clauses where a document says who pays; otherwise they are rules of administration, not of
// any city's document, and say so.

/// <summary>Where a rule is the system's bookkeeping, not a city document's.</summary>
internal static class ContributionClauses
{
    public const string Funding = "筹资渠道：ZJ 二(三), SS 二(三), JN 二, YZ 二, YL 二(三)";
    public const string Administration = "经办规则（非政策文件条款）";
}

/// <summary>A bill line names one of the payers of the vocabulary (<see cref="Payer"/>).</summary>
public sealed class BillLineMustNameAKnownPayer(string payer) : IBusinessRule
{
    public string Code => "unknown_payer";

    public string Clause => ContributionClauses.Funding;

    public string Message => $"缴费单的缴费方「{payer}」不是已知的筹资渠道";

    public bool IsBroken() => !Payer.TryFromCode(payer, out _);
}

/// <summary>A payer's share is not negative.</summary>
public sealed class BillLineMustNotBeNegative(string payer, decimal amount) : IBusinessRule
{
    public string Code => "negative_line";

    public string Clause => ContributionClauses.Funding;

    public string Message => string.Create(CultureInfo.InvariantCulture, $"缴费方「{payer}」的金额 {amount:0.00} 为负数");

    public bool IsBroken() => amount < 0;
}

/// <summary>Each payer appears once on a bill (its share is one line; the table's key says so too).</summary>
public sealed class BillHasOneLinePerPayer(IEnumerable<string> payers) : IBusinessRule
{
    private readonly IReadOnlyList<string> _duplicates =
        [.. payers.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];

    public string Code => "duplicate_payer";

    public string Clause => ContributionClauses.Administration;

    public string Message => $"缴费方「{string.Join("、", _duplicates)}」在同一缴费单中出现多次";

    public bool IsBroken() => _duplicates.Count > 0;
}

/// <summary>A bill's receivable is booked by one journal entry.</summary>
public sealed class BillIsBookedOnce(long? booked, long sequence) : IBusinessRule
{
    public string Code => "bill_already_booked";

    public string Clause => ContributionClauses.Administration;

    public string Message => string.Create(CultureInfo.InvariantCulture, $"缴费单已由凭证 {booked} 记账，不能再记入凭证 {sequence}");

    public bool IsBroken() => booked is { } existing && existing != sequence;
}

/// <summary>A receipt carries its reference (缴费凭证号), at most 64 characters.</summary>
public sealed class PaymentMustCarryAReference(string reference) : IBusinessRule
{
    public const int MaxLength = 64;

    public string Code => "invalid_input";

    public string Clause => ContributionClauses.Administration;

    public string Message => "缴费凭证号为空或超过64个字符";

    public bool IsBroken() => string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > MaxLength;
}

/// <summary>A receipt is of a positive amount.</summary>
public sealed class PaymentAmountMustBePositive(decimal amount) : IBusinessRule
{
    public string Code => "invalid_amount";

    public string Clause => ContributionClauses.Administration;

    public string Message => "缴费金额须大于零";

    public bool IsBroken() => amount <= 0;
}

/// <summary>A receipt is of whole cents (分), as every amount of the product.</summary>
public sealed class PaymentAmountMustBeWholeCents(decimal amount) : IBusinessRule
{
    public string Code => "invalid_amount";

    public string Clause => ContributionClauses.Administration;

    public string Message => "缴费金额最多两位小数";

    public bool IsBroken() => Money.Round(amount) != amount;
}

/// <summary>A receipt does not exceed what the person still owes of their own part of the bill.</summary>
public sealed class PaymentMustNotExceedOutstanding(decimal amount, decimal outstanding) : IBusinessRule
{
    public string Code => "overpayment";

    public string Clause => ContributionClauses.Administration;

    public string Message => string.Create(CultureInfo.InvariantCulture, $"缴费金额 {amount:0.00} 超过未缴金额 {outstanding:0.00}");

    public bool IsBroken() => amount > outstanding;
}

/// <summary>A receipt is booked by one journal entry.</summary>
public sealed class PaymentIsBookedOnce(long? booked, long sequence) : IBusinessRule
{
    public string Code => "payment_already_booked";

    public string Clause => ContributionClauses.Administration;

    public string Message => string.Create(CultureInfo.InvariantCulture, $"缴费已由凭证 {booked} 记账，不能再记入凭证 {sequence}");

    public bool IsBroken() => booked is { } existing && existing != sequence;
}
