using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger;

/// <summary>An account of the current tenant's chart, and whether anything has been posted to it.</summary>
public sealed record ChartAccountView(string Code, string Name, AccountType Type, string? RegionCode, bool HasPostings);

/// <summary>The outcome of a change to the chart: done, or refused with a Chinese message saying why.</summary>
public sealed record ChartChange(bool Succeeded, string? Refusal = null, string? Code = null)
{
    public static ChartChange Done(string code) => new(true, null, code);

    public static ChartChange Refused(string message) => new(false, message);
}

/// <summary>
/// The current tenant's chart of accounts as its admin keeps it: accounts are added, and renamed; an account's code and
/// type never change (postings and the hash chain refer to the code, and the type decides the sign of every balance).
/// </summary>
public interface ILedgerChart
{
    Task<IReadOnlyList<ChartAccountView>> AccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an account. With <paramref name="regionCode"/>, <paramref name="code"/> names the city account to split and the
    /// new account is its region sub-account <c>{code}@{region}</c>, of the same type.
    /// </summary>
    Task<ChartChange> AddAsync(string? code, string? name, AccountType type, string? regionCode,
        CancellationToken cancellationToken = default);

    /// <summary>Gives an account a new name; nothing else about it changes.</summary>
    Task<ChartChange> RenameAsync(string? code, string? name, CancellationToken cancellationToken = default);
}
