namespace LtcInsurance.Application.Contributions;

/// <summary>A person the run could not bill, with the engine's code and Chinese message (e.g. a missing wage base).</summary>
public sealed record SkippedPerson(Guid PersonId, string Name, string Code, string Message);

public sealed record PayerTotal(string Payer, decimal Amount);

public sealed record RegionPayerTotal(string RegionCode, string Payer, decimal Amount);

/// <summary>Totals of a period's bills (all runs so far), per payer and per region and payer.</summary>
public sealed record BillingTotals(string Period, int Bills, decimal Total, IReadOnlyList<PayerTotal> ByPayer, IReadOnlyList<RegionPayerTotal> ByRegion);

public sealed record BillingRunResult(
    string Period,
    int BillsCreated,
    int BillsAlreadyPresent,
    int EntriesPosted,
    IReadOnlyList<SkippedPerson> Skipped,
    BillingTotals Totals);

/// <summary>
/// The contribution billing run of the current tenant: bills every person enrolled in the period through the policy
/// engine and books the receivables. Safe to repeat: existing bills and entries are left as they are.
/// </summary>
public interface IContributionBilling
{
    /// <summary>Throws <see cref="BillingRefusedException"/> (nothing written) when the run cannot be made.</summary>
    Task<BillingRunResult> RunAsync(string period, CancellationToken cancellationToken = default);

    Task<BillingTotals> TotalsAsync(string period, CancellationToken cancellationToken = default);
}

/// <summary>The run as a whole is refused (missing parameter, wrong period unit); <see cref="Code"/> is the engine's.</summary>
public sealed class BillingRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public BillingRefusedException()
        : this("invalid_input", "缴费核定被拒绝")
    {
    }

    public BillingRefusedException(string message)
        : this("invalid_input", message)
    {
    }

    public BillingRefusedException(string message, Exception innerException)
        : this("invalid_input", message + " " + innerException?.Message)
    {
    }
}
